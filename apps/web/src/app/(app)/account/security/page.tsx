import type { Metadata } from 'next';
import { ActionButton } from '../../../../components/action-button';
import { DataTable } from '../../../../components/data-table';
import { Badge, Panel } from '../../../../components/page-parts';
import ui from '../../../../components/ui.module.css';
import { fill, formatDateTime } from '../../../../i18n/format';
import { getI18n } from '../../../../i18n/server';
import { accountApi, type Session } from '../../../../lib/api/account';
import { must, requireCaller } from '../../../../lib/caller';
import { getCurrentUser } from '../../../../lib/current-user';
import { revokeOtherSessions, revokeSession } from './actions';
import { PasswordForm } from './password-form';
import { DisableTotp, TotpSetup } from './totp-setup';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.account.security.title };
}

/** A short name for a session's browser, from its User-Agent. */
function deviceName(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return browser && system ? `${browser} · ${system}` : (browser ?? system ?? userAgent.slice(0, 40));
}

export default async function SecurityPage() {
  const [user, i18n, sessions] = await Promise.all([getCurrentUser(), getI18n(), accountApi.sessions(await requireCaller()).then(must)]);
  if (user.status !== 'signed-in') return null;
  const { m } = i18n;
  const t = m.account.security;
  return (
    <>
      <Panel title={t.password}>
        <PasswordForm m={t} />
      </Panel>
      <Panel title={t.mfa} lead={user.me.mfaEnabled ? t.mfaOn : t.mfaOff}>
        {user.me.mfaEnabled ? <DisableTotp m={t} /> : <TotpSetup m={t} />}
      </Panel>
      <Panel title={t.sessions} lead={t.sessionsLead}>
        <DataTable<Session>
          rows={sessions.items}
          rowKey={(session) => session.id}
          columns={[
            {
              header: t.device,
              cell: (session) => (
                <>
                  {deviceName(session.userAgent, t.unknownDevice)} {session.current && <Badge tone="success">{t.current}</Badge>}
                </>
              ),
            },
            { header: t.ip, className: ui.mono, cell: (session) => session.ip ?? '—' },
            { header: t.started, className: ui.nowrap, cell: (session) => formatDateTime(session.createdAt, i18n) },
            { header: t.lastUsed, className: ui.nowrap, cell: (session) => formatDateTime(session.lastUsedAt, i18n) },
            {
              header: t.revoke,
              hiddenHeader: true,
              cell: (session) => (
                <ActionButton
                  action={revokeSession}
                  fields={{ sessionId: session.id, current: String(session.current) }}
                  label={t.revoke}
                  ariaLabel={fill(t.revokeSession, { device: deviceName(session.userAgent, t.unknownDevice) })}
                  variant="secondary"
                />
              ),
            },
          ]}
        />
        <div>
          <ActionButton action={revokeOtherSessions} fields={{}} label={t.revokeOthers} variant="secondary" />
        </div>
      </Panel>
    </>
  );
}
