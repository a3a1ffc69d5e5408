import type { Messages } from '../../i18n/messages';
import styles from './auth.module.css';

/** Development only: where the outgoing mail of this environment can be read. */
export function DevInboxNotice({ url, m }: { readonly url: string | null; readonly m: Messages['auth'] }) {
  if (!url) return null;
  return (
    <p className={styles.notice}>
      {m.devInboxBefore}{' '}
      <a href={url} target="_blank" rel="noreferrer">
        {m.devInboxLink}
      </a>
      .
    </p>
  );
}
