import type { Metadata } from 'next';
import Link from 'next/link';
import { config } from '../../../config';
import styles from '../auth.module.css';

export const metadata: Metadata = { title: 'Check your email' };

interface CheckEmailPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function CheckEmailPage({ searchParams }: CheckEmailPageProps) {
  const { email } = await searchParams;
  const address = typeof email === 'string' && email !== '' ? email : null;
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
        Already verified? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
