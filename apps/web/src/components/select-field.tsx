import type { SelectHTMLAttributes } from 'react';
import { fieldErrorText } from './field-error';
import styles from './field.module.css';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'className' | 'children'>;

interface SelectFieldProps extends SelectProps {
  readonly name: string;
  readonly label: string;
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** For several forms on one page that share field names. */
  readonly idPrefix?: string;
  readonly hideLabel?: boolean;
}

/** A labelled select whose hint and error are announced with it. */
export function SelectField({ name, label, options, hint, error, idPrefix = 'field', hideLabel, ...select }: SelectFieldProps) {
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : styles.label}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      <select
        {...select}
        id={id}
        name={name}
        className={`${styles.input} ${styles.select}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className={styles.error}>
          {fieldErrorText(label, error)}
        </p>
      )}
    </div>
  );
}
