'use client';

import { useActionState, useEffect, useState } from 'react';
import type { ActionState } from '../lib/action-state';
import { idleAction } from '../lib/action-state';
import { buttonClass, type ButtonLook } from './button-class';
import { useCommonMessages } from './common-messages';
import { SubmitButton } from './submit-button';
import ui from './ui.module.css';

interface ActionButtonProps extends ButtonLook {
  readonly action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden fields the action reads (ids). */
  readonly fields: Readonly<Record<string, string>>;
  readonly label: string;
  /** The button's accessible name when the visible label alone is ambiguous in a list ("Remove" → "Remove Ada"). */
  readonly ariaLabel?: string;
  /** Ask once more, in place, before doing something that cannot be undone. */
  readonly confirm?: string;
}

/** A form with one button for one Server Action, its outcome shown next to it. */
export function ActionButton({ action, fields, label, ariaLabel, confirm, ...look }: ActionButtonProps) {
  const [state, formAction] = useActionState(action, idleAction);
  const [confirming, setConfirming] = useState(false);
  const m = useCommonMessages();
  // Once the action has answered, the question is settled: the next press asks again.
  useEffect(() => setConfirming(false), [state]);
  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  if (confirm && !confirming) {
    return (
      <span className={ui.actions}>
        <button
          type="button"
          className={buttonClass({ inline: true, small: true, ...look })}
          aria-label={ariaLabel}
          onClick={() => setConfirming(true)}
        >
          {label}
        </button>
        {state.error && <span className={ui.inlineError}>{state.error}</span>}
      </span>
    );
  }
  return (
    <form action={formAction} className={ui.actions}>
      {hidden}
      {confirm && <span role="alert">{confirm}</span>}
      <SubmitButton inline small {...look} ariaLabel={confirm ? undefined : ariaLabel}>
        {confirm ? m.yes : label}
      </SubmitButton>
      {confirm && (
        <button type="button" className={buttonClass({ variant: 'quiet', inline: true, small: true })} onClick={() => setConfirming(false)}>
          {m.cancel}
        </button>
      )}
      {state.error && <span className={ui.inlineError}>{state.error}</span>}
      <span role="status" className={state.done ? ui.muted : 'visually-hidden'}>
        {state.done}
      </span>
    </form>
  );
}
