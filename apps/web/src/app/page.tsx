import { redirect } from 'next/navigation';
import { getCurrentUser } from '../lib/current-user';
import type { Me } from '../lib/gateway';
import { generalMessage } from '../lib/form-state';
import styles from './home.module.css';

/** The user's own locale and time zone when they are valid, otherwise a neutral default. */
function formatMemberSince(me: Me): string {
  const date = new Date(me.createdAt);
  try {
    return new Intl.DateTimeFormat(me.locale ?? 'en', { dateStyle: 'long', timeZone: me.timezone ?? 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

export default async function HomePage() {
  const user = await getCurrentUser();
  // The proxy already redirects visitors without a session; this catches a session the gateway revoked.
  if (user.status === 'signed-out') redirect('/signin');
  if (user.status === 'unavailable') {
    return (
      <section className={styles.panel}>
        <h1 className={styles.title}>Your account</h1>
        <p role="alert" className={styles.alert}>
          We could not load your account. {generalMessage(user.problem)}
        </p>
      </section>
    );
  }

  const { me } = user;
  return (
    <section className={styles.panel} aria-labelledby="home-title">
      <div className={styles.heading}>
        <h1 id="home-title" className={styles.title}>
          Welcome, {me.displayName}
        </h1>
        <p className={styles.lead}>Here is your account at a glance.</p>
      </div>
      <dl className={styles.details}>
        <div className={styles.row}>
          <dt>Display name</dt>
          <dd>{me.displayName}</dd>
        </div>
        <div className={styles.row}>
          <dt>Email</dt>
          <dd className={styles.email}>
            <span data-testid="me-email">{me.email}</span>
            {me.emailVerified ? (
              <span className={`${styles.badge} ${styles.verified}`}>Verified</span>
            ) : (
              <span className={`${styles.badge} ${styles.unverified}`}>Not verified</span>
            )}
          </dd>
        </div>
        <div className={styles.row}>
          <dt>Roles</dt>
          <dd>
            {me.roles.length === 0 ? (
              'None'
            ) : (
              <ul className={styles.roles}>
                {me.roles.map((role) => (
                  <li key={role} className={styles.badge}>
                    {role}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className={styles.row}>
          <dt>Member since</dt>
          <dd>
            <time dateTime={me.createdAt}>{formatMemberSince(me)}</time>
          </dd>
        </div>
      </dl>
      {!me.emailVerified && <p className={styles.hint}>Open the link we emailed you to verify your address.</p>}
    </section>
  );
}
