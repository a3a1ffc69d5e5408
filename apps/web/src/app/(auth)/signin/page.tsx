import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '../../../i18n/server';
import { safeNextPath, signinPath, signupPath } from '../../../lib/redirect-target';
import styles from '../auth.module.css';
import { SigninForm } from './signin-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.signin.metaTitle };
}

interface SigninPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SigninPage({ searchParams }: SigninPageProps) {
  const { next: rawNext, reason } = await searchParams;
  const { m } = await getI18n();
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  // Why the visitor is here, when the app sent them: their session ended, or they deleted their account.
  const notice =
    reason === 'session-ended' ? m.auth.signin.sessionEnded : reason === 'account-deleted' ? m.auth.signin.accountDeleted : null;
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{m.auth.signin.title}</h1>
        <p className={styles.lead}>{m.auth.signin.lead}</p>
      </div>
      {notice && (
        <p role="status" className={`${styles.notice} ${styles.spaced}`}>
          {notice}
        </p>
      )}
      <SigninForm next={next} restartHref={signinPath(next)} m={m.auth} />
      <p className={styles.footer}>
        {m.auth.signin.newHere} <Link href={signupPath(next)}>{m.auth.signin.createAccount}</Link>
      </p>
    </>
  );
}
