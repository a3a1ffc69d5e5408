import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/page-parts';
import { TabLink } from '../../../components/tab-link';
import tabs from '../../../components/tabs.module.css';
import ui from '../../../components/ui.module.css';
import { getI18n } from '../../../i18n/server';

export default async function AccountLayout({ children }: { readonly children: ReactNode }) {
  const { m } = await getI18n();
  const t = m.account;
  return (
    <>
      <PageHeader title={t.title} />
      <div className={ui.stack}>
        <nav aria-label={t.sections} className={tabs.tabs}>
          <TabLink href="/account" label={t.profileTab} exact />
          <TabLink href="/account/notifications" label={t.notificationsTab} />
          <TabLink href="/account/security" label={t.securityTab} />
          <TabLink href="/account/data" label={t.dataTab} />
        </nav>
        {children}
      </div>
    </>
  );
}
