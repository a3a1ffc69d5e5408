import type { ReactNode } from 'react';
import { SiteHeader } from '../../components/site-header';
import layout from '../layout.module.css';
import styles from './auth.module.css';

// Pages that are one short task (sign in, sign up, accept an invitation) share a plain header and one
// centred card.
export default function AuthLayout({ children }: { readonly children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className={layout.main}>
        <div className={styles.shell}>
          <div className={styles.card}>{children}</div>
        </div>
      </main>
    </>
  );
}
