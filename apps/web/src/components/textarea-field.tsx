import type { TextareaHTMLAttributes } from 'react';
import { fieldErrorText } from './field-error';
import styles from './field.module.css';

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'className' | 'children'>;

interface TextareaFieldProps extends TextareaProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly idPrefix?: string;
}

/** A labelled multi-line input whose hint and error are announced with it. */
export function TextareaField({ name, label, hint, error, idPrefix = 'field', rows = 4, ...textarea }: TextareaFieldProps) {
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
      <textarea
        {...textarea}
        rows={rows}
        id={id}
        name={name}
        className={`${styles.input} ${styles.textarea}`}
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
