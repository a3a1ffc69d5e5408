import styles from './avatar.module.css';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0]?.slice(0, 2) ?? '?');
  return letters.toUpperCase();
}

/**
 * Pictures this page may show under its Content-Security-Policy (`img-src 'self' data: blob: https:`):
 * our own paths, inline images and any HTTPS address. Anything else (plain HTTP, other schemes) would be
 * blocked and logged as a CSP violation, so the initials stand in for it.
 */
export function displayableAvatar(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('data:image/') || (url.startsWith('/') && !url.startsWith('//'))) return url;
  return URL.canParse(url) && new URL(url).protocol === 'https:' ? url : null;
}

/**
 * The user's picture, or their initials. Fixed size (width/height attributes and CSS) so the header
 * never shifts when a picture loads; decorative, since the name is always written next to it. No
 * Referer: the picture's host learns nothing of which of our pages showed it.
 */
export function Avatar({
  name,
  url,
  size = 'small',
}: {
  readonly name: string;
  readonly url?: string | null;
  readonly size?: 'small' | 'large';
}) {
  const px = size === 'small' ? 32 : 72;
  const src = displayableAvatar(url);
  if (src) {
    return <img src={src} alt="" width={px} height={px} className={`${styles.avatar} ${styles[size]}`} referrerPolicy="no-referrer" />;
  }
  return (
    <span className={`${styles.avatar} ${styles.initials} ${styles[size]}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
