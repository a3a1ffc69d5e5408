import type { Metadata } from 'next';
import Link from 'next/link';
import { safeNextPath, signinPath, signupPath } from '../../../lib/redirect-target';
import styles from '../auth.module.css';
import { SigninForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

interface SigninPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SigninPage({ searchParams }: SigninPageProps) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Welcome back</h1>
        <p className={styles.lead}>Sign in to continue to your projects.</p>
      </div>
      <SigninForm next={next} restartHref={signinPath(next)} />
      <p className={styles.footer}>
        New here? <Link href={signupPath(next)}>Create an account</Link>
      </p>
    </>
  );
}
