import Link from 'next/link';
import { SubmitButton } from '../../../../components/submit-button';
import { fill } from '../../../../i18n/format';
import type { Messages } from '../../../../i18n/messages';
import { signOut } from '../../../../lib/sign-out';
import styles from '../../auth.module.css';

interface InvalidInvitationProps {
  /** The signed-in user's address, when there is one: the invitation may have gone to another. */
  readonly email: string | null;
  /** This invitation's page, for signing in with another account and coming back. */
  readonly here: string | null;
  readonly m: Messages;
}

/**
 * An invitation that cannot be used. The gateway does not say why (unknown, used, revoked, expired or
 * for another address all look the same, so a token cannot be probed), so the page names every case.
 */
export function InvalidInvitation({ email, here, m }: InvalidInvitationProps) {
  const t = m.auth.invitation;
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>{t.invalidTitle}</h1>
      </div>
      <div className={styles.stack}>
        <p role="alert" className={styles.error}>
          {email ? fill(t.invalidOtherAddress, { email }) : t.invalid}
        </p>
        <p className={styles.lead}>{email ? t.invalidLeadSignedIn : t.invalidLead}</p>
        <Link href="/" className={styles.action}>
          {m.common.goHome}
        </Link>
        {email && here && (
          <form action={signOut} className={styles.form}>
            <input type="hidden" name="next" value={here} />
            <SubmitButton variant="quiet">{t.signInOther}</SubmitButton>
          </form>
        )}
      </div>
    </>
  );
}
