import type { ReactNode } from 'react';
import styles from './auth.module.css';

// Pages that are one short task (sign in, sign up, accept an invitation) share one centred card.
export default function AuthLayout({ children }: { readonly children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <div className={styles.card}>{children}</div>
    </div>
  );
}
