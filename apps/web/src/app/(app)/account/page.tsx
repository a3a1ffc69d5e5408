import type { Metadata } from 'next';
import { Badge, Panel } from '../../../components/page-parts';
import { Avatar } from '../../../components/shell/avatar';
import { fill, formatDate } from '../../../i18n/format';
import { getI18n } from '../../../i18n/server';
import { supportedLocale } from '../../../i18n/locales';
import { getCurrentUser } from '../../../lib/current-user';
import { ProfileForm } from './profile-form';
import styles from './account.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.account.profile.title };
}

function timeZones(current: string): string[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  // A zone the runtime does not list (an alias) still shows as selected.
  if (current) zones.add(current);
  return [...zones];
}

export default async function ProfilePage() {
  const user = await getCurrentUser();
  const i18n = await getI18n();
  const { m } = i18n;
  if (user.status !== 'signed-in') return null;
  const { me } = user;
  const t = m.account.profile;
  return (
    <Panel title={t.title} lead={t.lead}>
      <div className={styles.identity}>
        <Avatar name={me.displayName} url={me.avatarUrl} size="large" />
        <div>
          <p className={styles.identityName}>{me.displayName}</p>
          <p className={styles.identityMeta}>
            <span data-testid="me-email">{me.email}</span>{' '}
            {me.emailVerified ? <Badge tone="success">{t.verified}</Badge> : <Badge tone="danger">{t.unverified}</Badge>}
          </p>
          <p className={styles.identityMeta}>{fill(t.memberSince, { date: formatDate(me.createdAt, i18n) })}</p>
        </div>
      </div>
      <ProfileForm
        profile={{
          displayName: me.displayName,
          email: me.email,
          avatarUrl: me.avatarUrl ?? '',
          locale: supportedLocale(me.locale) ?? i18n.locale,
          timezone: me.timezone || 'UTC',
        }}
        timeZones={timeZones(me.timezone)}
        m={t}
        saveLabel={m.common.saveChanges}
      />
    </Panel>
  );
}
