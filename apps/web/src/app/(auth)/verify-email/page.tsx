import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { generalMessage } from '../../../lib/form-state';
import { clientContextFrom, gateway, type GatewayProblem } from '../../../lib/gateway';
import styles from '../auth.module.css';

export const metadata: Metadata = { title: 'Verify your email' };

interface VerifyEmailPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Statuses meaning the link itself is bad (unknown, used or expired token) rather than a passing failure. */
const INVALID_LINK = new Set([400, 401, 404, 410, 422]);

function Failure({ problem }: { readonly problem: GatewayProblem | null }) {
  // null: the link itself is bad; otherwise the gateway failed in passing and the link is still good.
  const passingFailure = problem === null || INVALID_LINK.has(problem.status) ? null : generalMessage(problem);
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>We could not verify your email</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          {passingFailure ?? 'This verification link is invalid or has expired.'}
        </p>
        <p className={styles.lead}>
          {passingFailure
            ? 'Your link is still good: reload this page to try again.'
            : 'Links work once and only for a limited time. If you already verified your address, you can simply sign in.'}
        </p>
        <Link href="/signin" className={styles.action}>
          Go to sign in
        </Link>
      </div>
    </>
  );
}

// The link in the verification email lands here; the token is checked by the gateway during the render.
export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token } = await searchParams;
  if (typeof token !== 'string' || token === '') return <Failure problem={null} />;

  const result = await gateway.verifyEmail(token, clientContextFrom(await headers()));
  if (!result.ok) return <Failure problem={result.problem} />;
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Email verified</h1>
      </div>
      <div className={styles.stack}>
        <p role="status" className={styles.success}>
          Thanks, your email address is confirmed.
        </p>
        <Link href="/signin" className={styles.action}>
          Continue to sign in
        </Link>
      </div>
    </>
  );
}
