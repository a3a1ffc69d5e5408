'use client';

import { useFormStatus } from 'react-dom';
import styles from './button.module.css';

interface SubmitButtonProps {
  readonly children: string;
  readonly variant?: 'primary' | 'quiet';
}

/** Disabled while its form's action runs, so a double click cannot submit twice. */
export function SubmitButton({ children, variant = 'primary' }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={styles[variant]} disabled={pending} aria-busy={pending || undefined}>
      {pending && <span className={styles.spinner} aria-hidden="true" />}
      {children}
    </button>
  );
}
