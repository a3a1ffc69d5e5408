import type { Metadata } from 'next';
import { buttonClass } from '../../../../components/button-class';
import { Panel } from '../../../../components/page-parts';
import { getI18n } from '../../../../i18n/server';
import { DeleteAccountForm } from './delete-account-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.account.data.title };
}

export default async function DataPage() {
  const { m } = await getI18n();
  const t = m.account.data;
  return (
    <>
      <Panel title={t.exportTitle} lead={t.exportLead}>
        <div>
          {/* A plain link: the route answers with a file, so the browser downloads it. */}
          <a href="/account/data/export" className={buttonClass({ variant: 'secondary', inline: true })} download>
            {t.export}
          </a>
        </div>
      </Panel>
      <Panel title={t.deleteTitle} lead={t.deleteLead}>
        <DeleteAccountForm m={t} />
      </Panel>
    </>
  );
}
