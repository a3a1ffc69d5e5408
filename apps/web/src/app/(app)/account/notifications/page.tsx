import type { Metadata } from 'next';
import { Panel } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';
import { getI18n } from '../../../../i18n/server';
import { accountApi } from '../../../../lib/api/account';
import { must, requireCaller } from '../../../../lib/caller';
import { PreferencesForm } from './preferences-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.account.preferences.title };
}

// Which emails the user gets, per category as the communications service knows them. Security emails
// always go, so that category is not offered.
export default async function NotificationPreferencesPage() {
  const [{ m }, preferences] = await Promise.all([getI18n(), accountApi.preferences(await requireCaller()).then(must)]);
  const t = m.account;
  const categories = Object.entries(preferences.email)
    .filter(([name]) => name !== 'security')
    .map(([name, enabled]) => ({ name, enabled: enabled === true, label: t.categories[name] ?? name, hint: t.categoryHints[name] ?? '' }));
  return (
    <Panel title={t.preferences.title} lead={t.preferences.lead}>
      <PreferencesForm categories={categories} saveLabel={m.common.save} savedLabel={t.preferences.saved} />
      <p className={ui.muted}>{t.preferences.alwaysOn}</p>
    </Panel>
  );
}
