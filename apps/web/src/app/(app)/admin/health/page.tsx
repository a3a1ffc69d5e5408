import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '../../../../components/button-class';
import { Badge } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';
import { fill, formatDateTime } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { requireAdmin } from '../../../../lib/admin-guard';
import { healthReport } from '../../../../lib/api/health';
import styles from '../admin.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.health };
}

// Readiness of every part: this web app (it is answering), the gateway (/health/live) and each backend
// service the gateway checks over gRPC health (/health/ready).
export default async function HealthPage() {
  await requireAdmin();
  const [report, i18n] = await Promise.all([healthReport(), getI18n()]);
  const { m } = i18n;
  const t = m.admin;
  const services: Array<{ name: string; up: boolean }> = [
    { name: 'web', up: true },
    { name: 'gateway', up: report.gatewayLive },
    ...Object.entries(report.readiness?.checks ?? {}).map(([name, check]) => ({ name, up: check.status === 'ok' })),
  ];
  const overall = report.gatewayLive && report.readiness?.status === 'ok';
  return (
    <div className={ui.stack}>
      <p className={ui.muted}>{t.healthLead}</p>
      <div className={ui.actions}>
        <span className={ui.panelTitle}>{t.overall}</span>
        <Badge tone={overall ? 'success' : 'danger'}>{overall ? t.ready : t.down}</Badge>
        <span className={ui.muted}>{fill(t.checkedAt, { time: formatDateTime(new Date().toISOString(), i18n) })}</span>
        <Link href="/admin/health" className={buttonClass({ variant: 'secondary', inline: true, small: true })} prefetch={false}>
          {t.refresh}
        </Link>
      </div>
      <ul className={styles.health} data-testid="health">
        {services.map((service) => (
          <li key={service.name} className={styles.service}>
            <span>
              {t.services[service.name] ?? service.name}
              <span className={`${ui.muted} ${ui.mono}`}> ({service.name})</span>
            </span>
            <Badge tone={service.up ? 'success' : 'danger'}>{service.up ? t.ready : t.down}</Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
