import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '../../../i18n/server';
import { safeNextPath, signinPath } from '../../../lib/redirect-target';
import styles from '../auth.module.css';
import { SignupForm } from './signup-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.signup.title };
}

interface SignupPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// `next` (where the visitor was going, e.g. an invitation) travels on to the check-email page, whose
// sign-in link brings them back there once the address is confirmed.
export default async function SignupPage({ searchParams }: SignupPageProps) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  const { m } = await getI18n();
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{m.auth.signup.title}</h1>
        <p className={styles.lead}>{m.auth.signup.lead}</p>
      </div>
      <SignupForm next={next} m={m.auth} />
      <p className={styles.footer}>
        {m.auth.signup.haveAccount} <Link href={signinPath(next)}>{m.auth.signup.signIn}</Link>
      </p>
    </>
  );
}
