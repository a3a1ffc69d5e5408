import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getI18n } from '../../../i18n/server';
import type { Messages } from '../../../i18n/messages';
import { generalMessage } from '../../../lib/form-state';
import { clientContextFrom, gateway, type GatewayProblem } from '../../../lib/gateway';
import styles from '../auth.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.verify.metaTitle };
}

interface VerifyEmailPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Statuses meaning the link itself is bad (unknown, used or expired token) rather than a passing failure. */
const INVALID_LINK = new Set([400, 401, 404, 410, 422]);

function Failure({ problem, m }: { readonly problem: GatewayProblem | null; readonly m: Messages }) {
  const t = m.auth.verify;
  // null: the link itself is bad; otherwise the gateway failed in passing and the link is still good.
  const passingFailure = problem === null || INVALID_LINK.has(problem.status) ? null : generalMessage(problem, m.common);
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{t.failedTitle}</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          {passingFailure ?? t.invalidLink}
        </p>
        <p className={styles.lead}>{passingFailure ? t.stillGood : t.linksOnce}</p>
        <Link href="/signin" className={styles.action}>
          {t.goSignIn}
        </Link>
      </div>
    </>
  );
}

// The link in the verification email lands here; the token is checked by the gateway during the render.
export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token } = await searchParams;
  const { m } = await getI18n();
  if (typeof token !== 'string' || token === '') return <Failure problem={null} m={m} />;

  const result = await gateway.verifyEmail(token, clientContextFrom(await headers()));
  if (!result.ok) return <Failure problem={result.problem} m={m} />;
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{m.auth.verify.doneTitle}</h1>
      </div>
      <div className={styles.stack}>
        <p role="status" className={styles.success}>
          {m.auth.verify.done}
        </p>
        <Link href="/signin" className={styles.action}>
          {m.auth.verify.continue}
        </Link>
      </div>
    </>
  );
}
