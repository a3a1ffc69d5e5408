import type { Metadata } from 'next';
import Link from 'next/link';
import { config } from '../../../config';
import { getI18n } from '../../../i18n/server';
import { safeNextPath, signinPath } from '../../../lib/redirect-target';
import styles from '../auth.module.css';
import { DevInboxNotice } from '../dev-inbox-notice';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.checkEmail.title };
}

interface CheckEmailPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function CheckEmailPage({ searchParams }: CheckEmailPageProps) {
  const { email, next: rawNext } = await searchParams;
  const { m } = await getI18n();
  const t = m.auth.checkEmail;
  const address = typeof email === 'string' && email !== '' ? email : null;
  // Where the visitor was going before signing up (e.g. an invitation): signing in from here goes back there.
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : null);
  const [before, after] = t.sentTo.split('{email}');
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{t.title}</h1>
        <p className={styles.lead}>
          {before}
          {address ? <strong>{address}</strong> : t.yourAddress}
          {after}
        </p>
      </div>
      <div className={styles.stack}>
        <p className={styles.notice}>{t.delay}</p>
        {next !== '/' && <p className={styles.notice}>{t.continueLater}</p>}
        <DevInboxNotice url={config.devInboxUrl} m={m.auth} />
      </div>
      <p className={styles.footer}>
        {t.verified} <Link href={signinPath(next)}>{t.signIn}</Link>
      </p>
    </>
  );
}
