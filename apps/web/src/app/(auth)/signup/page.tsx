import type { Metadata } from 'next';
import Link from 'next/link';
import { safeNextPath, signinPath } from '../../../lib/redirect-target';
import styles from '../auth.module.css';
import { SignupForm } from './signup-form';

export const metadata: Metadata = { title: 'Create your account' };

interface SignupPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// `next` (where the visitor was going, e.g. an invitation) travels on to the check-email page, whose
// sign-in link brings them back there once the address is confirmed.
export default async function SignupPage({ searchParams }: SignupPageProps) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Create your account</h1>
        <p className={styles.lead}>Plan and track work with your team.</p>
      </div>
      <SignupForm next={next} />
      <p className={styles.footer}>
        Already have an account? <Link href={signinPath(next)}>Sign in</Link>
      </p>
    </>
  );
}
