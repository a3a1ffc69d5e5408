import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from './button-class';
import styles from './filter-form.module.css';

interface FilterFormProps {
  /** The page itself: the filters travel as its query string (a GET form works without JavaScript). */
  readonly action: string;
  readonly label?: string;
  readonly submitLabel: string;
  readonly clearLabel: string;
  /** Whether any filter is set: only then is there something to clear. */
  readonly active: boolean;
  readonly children: ReactNode;
}

/**
 * The search-and-filter bar above a list. Give it a `key` made of the current filters: after a
 * client-side navigation the uncontrolled fields must show the new values, not the old ones.
 */
export function FilterForm({ action, label, submitLabel, clearLabel, active, children }: FilterFormProps) {
  return (
    <form method="get" action={action} className={styles.filters} aria-label={label}>
      {children}
      <div className={styles.actions}>
        <button type="submit" className={buttonClass({ inline: true })}>
          {submitLabel}
        </button>
        {active && (
          <Link href={action} className={buttonClass({ variant: 'secondary', inline: true })}>
            {clearLabel}
          </Link>
        )}
      </div>
    </form>
  );
}
