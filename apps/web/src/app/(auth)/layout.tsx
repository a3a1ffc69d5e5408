import type { ReactNode } from 'react';
import styles from './auth.module.css';

// Signed-out pages share one centred card.
export default function AuthLayout({ children }: { readonly children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <div className={styles.card}>{children}</div>
    </div>
  );
}
