import type { Metadata } from 'next';
import Link from 'next/link';
import { config } from '../../../config';
import { safeNextPath, signinPath } from '../../../lib/redirect-target';
import styles from '../auth.module.css';

export const metadata: Metadata = { title: 'Check your email' };

interface CheckEmailPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function CheckEmailPage({ searchParams }: CheckEmailPageProps) {
  const { email, next: rawNext } = await searchParams;
  const address = typeof email === 'string' && email !== '' ? email : null;
  // Where the visitor was going before signing up (e.g. an invitation): signing in from here goes back there.
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Check your email</h1>
        <p className={styles.lead}>
          We sent a verification link to {address ? <strong>{address}</strong> : 'your email address'}. Open it to confirm the address and
          finish setting up your account.
        </p>
      </div>
      <div className={styles.stack}>
        <p className={styles.notice}>The email can take a minute to arrive. If it does not, look in your spam or junk folder.</p>
        {next !== '/' && (
          <p className={styles.notice}>Once your address is confirmed, sign in with the link below to continue where you left off.</p>
        )}
        {config.devInboxUrl && (
          <p className={styles.notice}>
            Development: outgoing mail is captured by the{' '}
            <a href={config.devInboxUrl} target="_blank" rel="noreferrer">
              development inbox
            </a>
            .
          </p>
        )}
      </div>
      <p className={styles.footer}>
        Already verified? <Link href={signinPath(next)}>Sign in</Link>
      </p>
    </>
  );
}
