import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/page-parts';
import { TabLink } from '../../../components/tab-link';
import tabs from '../../../components/tabs.module.css';
import ui from '../../../components/ui.module.css';
import { getI18n } from '../../../i18n/server';
import { requireAdmin } from '../../../lib/admin-guard';

// Admins only: checked here for every page below (and again in each admin action and by the gateway).
export default async function AdminLayout({ children }: { readonly children: ReactNode }) {
  await requireAdmin();
  const { m } = await getI18n();
  const t = m.admin;
  return (
    <>
      <PageHeader title={t.title} />
      <div className={ui.stack}>
        <nav aria-label={t.sections} className={tabs.tabs}>
          <TabLink href="/admin/users" label={t.users} />
          <TabLink href="/admin/projects" label={t.projects} />
          <TabLink href="/admin/payments" label={t.payments} />
          <TabLink href="/admin/emails" label={t.emails} />
          <TabLink href="/admin/dead-letters" label={t.deadLetters} />
          <TabLink href="/admin/health" label={t.health} />
        </nav>
        {children}
      </div>
    </>
  );
}
