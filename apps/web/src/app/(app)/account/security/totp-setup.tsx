'use client';

import { useActionState, useMemo } from 'react';
import { Field } from '../../../../components/field';
import { FormAlert } from '../../../../components/form-alert';
import { SubmitButton } from '../../../../components/submit-button';
import ui from '../../../../components/ui.module.css';
import type { Messages } from '../../../../i18n/messages';
import styles from '../account.module.css';
import { disableTotp, totpStep, type DisableTotpState, type TotpState } from './actions';

/** Turning two-factor authentication on: scan (or type) the secret, prove it with a code, keep the recovery codes. */
export function TotpSetup({ m }: { readonly m: Messages['account']['security'] }) {
  const [state, formAction] = useActionState(totpStep, { step: 'idle', error: null } satisfies TotpState as TotpState);
  const codesFile = useMemo(
    () => (state.step === 'codes' ? `data:text/plain;charset=utf-8,${encodeURIComponent(`${state.recoveryCodes.join('\n')}\n`)}` : null),
    [state],
  );

  if (state.step === 'codes') {
    return (
      <form action={formAction} className={ui.form}>
        <p role="status" className={ui.success}>
          {m.enabled}
        </p>
        <div>
          <p className={ui.panelTitle}>{m.recoveryTitle}</p>
          <p className={ui.muted}>{m.recoveryLead}</p>
        </div>
        <ul className={styles.codes} data-testid="recovery-codes">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div className={ui.actions}>
          {codesFile && (
            <a href={codesFile} download="recovery-codes.txt">
              {m.downloadCodes}
            </a>
          )}
          <SubmitButton inline intent="done">
            {m.done}
          </SubmitButton>
        </div>
      </form>
    );
  }

  if (state.step === 'scan') {
    return (
      <form action={formAction} className={styles.setup}>
        {/* A data: URL drawn on our server; the CSP allows data: images and nothing from elsewhere. */}
        <img src={state.qr} alt={m.qrAlt} width={192} height={192} className={styles.qr} />
        <div className={ui.form}>
          <p>{m.scan}</p>
          <p>
            {m.secret}:{' '}
            <span className={styles.secret} data-testid="totp-secret">
              {state.secret}
            </span>
          </p>
          <FormAlert message={state.error} />
          <Field
            name="code"
            idPrefix="totp"
            label={m.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            autoFocus
            error={state.codeError ?? undefined}
          />
          <div>
            <SubmitButton inline intent="confirm">
              {m.confirm}
            </SubmitButton>
          </div>
        </div>
      </form>
    );
  }

  return (
    <form action={formAction} className={ui.form}>
      <FormAlert message={state.error} />
      <div>
        <SubmitButton inline intent="start">
          {m.setUp}
        </SubmitButton>
      </div>
    </form>
  );
}

export function DisableTotp({ m }: { readonly m: Messages['account']['security'] }) {
  const [state, formAction] = useActionState(disableTotp, { codeError: null } satisfies DisableTotpState);
  return (
    <form action={formAction} className={ui.form}>
      <p className={ui.muted}>{m.disableLead}</p>
      <Field
        name="code"
        idPrefix="disable-totp"
        label={m.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={64}
        error={state.codeError ?? undefined}
      />
      <div>
        <SubmitButton variant="secondary" inline>
          {m.disable}
        </SubmitButton>
      </div>
    </form>
  );
}
