import styles from './form-alert.module.css';

/**
 * The form's live region. It stays in the page even when empty, so screen readers announce a message
 * the moment one appears.
 */
export function FormAlert({ message }: { readonly message: string | null }) {
  return (
    <div role="alert" className={styles.alert}>
      {message}
    </div>
  );
}
