import type { ReactNode } from 'react';
import styles from './ui.module.css';

// Small presentational pieces the signed-in pages share. Server components: no JavaScript is sent for them.

export function PageHeader({ title, lead, actions }: { readonly title: string; readonly lead?: string; readonly actions?: ReactNode }) {
  return (
    <div className={styles.pageHeader}>
      <div>
        <h1 className={styles.pageTitle}>{title}</h1>
        {lead && <p className={styles.pageLead}>{lead}</p>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}

interface PanelProps {
  readonly title?: string;
  readonly lead?: string;
  readonly children: ReactNode;
  /** The heading level in the page outline (h2 by default). */
  readonly level?: 2 | 3;
  readonly id?: string;
}

export function Panel({ title, lead, children, level = 2, id }: PanelProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={styles.panel} aria-labelledby={title ? headingId : undefined} id={id}>
      {title && (
        <div>
          <Heading id={headingId} className={styles.panelTitle}>
            {title}
          </Heading>
          {lead && <p className={styles.panelLead}>{lead}</p>}
        </div>
      )}
      {children}
    </section>
  );
}

export function EmptyState({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className={styles.empty}>
      <p className={styles.emptyTitle}>{title}</p>
      {children}
    </div>
  );
}

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'danger' | 'warning';

const TONES: Record<BadgeTone, string> = {
  neutral: styles.badge!,
  accent: `${styles.badge} ${styles.badgeAccent}`,
  success: `${styles.badge} ${styles.badgeSuccess}`,
  danger: `${styles.badge} ${styles.badgeDanger}`,
  warning: `${styles.badge} ${styles.badgeWarning}`,
};

export function Badge({ tone = 'neutral', children }: { readonly tone?: BadgeTone; readonly children: ReactNode }) {
  return <span className={TONES[tone]}>{children}</span>;
}

/**
 * A gray block of the size of the content it stands for, so nothing moves when the content arrives.
 * Sized by a class (the CSP forbids inline style attributes).
 */
export function Skeleton({ className }: { readonly className?: string }) {
  return <span className={`${styles.skeleton} ${className ?? ''}`} aria-hidden="true" />;
}

/** One `label: value` line of a `<dl className={ui.details}>`. */
export function DetailRow({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className={styles.detailRow}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
