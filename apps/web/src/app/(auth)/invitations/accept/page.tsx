import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getI18n } from '../../../../i18n/server';
import { getCurrentUser } from '../../../../lib/current-user';
import { generalMessage } from '../../../../lib/form-state';
import { signinPath } from '../../../../lib/redirect-target';
import styles from '../../auth.module.css';
import { AcceptInvitationForm } from './accept-invitation-form';
import { InvalidInvitation } from './invalid-invitation';
import { acceptInvitationPath } from './paths';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.invitation.metaTitle };
}

interface AcceptInvitationPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The link in an invitation email lands here. Opening it joins nothing: the signed-in invitee accepts
// with a button (a Server Action), and the gateway checks the token and the address then. A signed-out
// visitor is sent to sign in (or sign up) by the proxy and comes back here through `next`.
export default async function AcceptInvitationPage({ searchParams }: AcceptInvitationPageProps) {
  const { token } = await searchParams;
  const { m } = await getI18n();
  if (typeof token !== 'string' || token === '') return <InvalidInvitation email={null} here={null} m={m} />;
  const here = acceptInvitationPath(token);

  const user = await getCurrentUser();
  // The proxy already redirects visitors without a session; this catches a session the gateway revoked.
  if (user.status === 'signed-out') redirect(signinPath(here));
  if (user.status === 'unavailable') {
    return (
      <>
        <div className={styles.heading}>
          <h1 className={styles.title}>{m.auth.invitation.title}</h1>
        </div>
        <div className={styles.stack}>
          <p role="alert" className={styles.error}>
            {m.auth.invitation.couldNotLoadAccount} {generalMessage(user.problem, m.common)}
          </p>
          <p className={styles.lead}>{m.auth.invitation.stillGood}</p>
        </div>
      </>
    );
  }
  return <AcceptInvitationForm token={token} email={user.me.email} here={here} m={m} />;
}
