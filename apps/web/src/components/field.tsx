import type { InputHTMLAttributes } from 'react';
import { fieldErrorText } from './field-error';
import styles from './field.module.css';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className' | 'children'>;

interface FieldProps extends InputProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** For several forms on one page that share field names. */
  readonly idPrefix?: string;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({ name, label, hint, error, idPrefix = 'field', ...input }: FieldProps) {
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      <input
        {...input}
        id={id}
        name={name}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={errorId} className={styles.error}>
          {fieldErrorText(label, error)}
        </p>
      )}
    </div>
  );
}
