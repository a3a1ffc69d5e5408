import Link from 'next/link';
import { SubmitButton } from '../../../../components/submit-button';
import { signOut } from '../../../../lib/sign-out';
import styles from '../../auth.module.css';

interface InvalidInvitationProps {
  /** The signed-in user's address, when there is one: the invitation may have gone to another. */
  readonly email: string | null;
  /** This invitation's page, for signing in with another account and coming back. */
  readonly here: string | null;
}

/**
 * An invitation that cannot be used. The gateway does not say why (unknown, used, revoked, expired or
 * for another address all look the same, so a token cannot be probed), so the page names every case.
 */
export function InvalidInvitation({ email, here }: InvalidInvitationProps) {
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>This invitation cannot be used</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          The invitation link is invalid, has already been used, was revoked or has expired
          {email ? (
            <>
              , or it was sent to another email address than <strong>{email}</strong>
            </>
          ) : null}
          .
        </p>
        <p className={styles.lead}>
          Invitations work once, for a limited time, and only for the address they were sent to. Ask the person who invited you to send a
          new one{email ? ', or sign in with the account of the invited address' : ''}.
        </p>
        <Link href="/" className={styles.action}>
          Go to the home page
        </Link>
        {email && here && (
          <form action={signOut} className={styles.form}>
            <input type="hidden" name="next" value={here} />
            <SubmitButton variant="quiet">Sign in with another account</SubmitButton>
          </form>
        )}
      </div>
    </>
  );
}
