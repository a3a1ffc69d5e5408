'use client';

import { useFormStatus } from 'react-dom';
import styles from './button.module.css';
import { buttonClass, type ButtonLook } from './button-class';

interface SubmitButtonProps extends ButtonLook {
  readonly children: string;
  /** Sent as the form's `intent` field, for forms with more than one action. */
  readonly intent?: string;
  readonly ariaLabel?: string;
}

/** Disabled while its form's action runs, so a double click cannot submit twice. */
export function SubmitButton({ children, intent, ariaLabel, ...look }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={intent ? 'intent' : undefined}
      value={intent}
      className={buttonClass(look)}
      disabled={pending}
      aria-busy={pending || undefined}
      aria-label={ariaLabel}
    >
      {pending && <span className={styles.spinner} aria-hidden="true" />}
      {children}
    </button>
  );
}
