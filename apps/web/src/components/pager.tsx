import Link from 'next/link';
import ui from './ui.module.css';

interface PagerProps {
  readonly previous?: string | undefined;
  readonly next?: string | undefined;
  readonly m: { readonly pagination: string; readonly previousPage: string; readonly nextPage: string; readonly firstPage: string };
  /** Lists that keep only the current cursor can go back to the start, not one page back. */
  readonly previousIsFirst?: boolean;
}

/** Links to the page before and after a cursor-paged list; nothing when the list fits one page. */
export function Pager({ previous, next, m, previousIsFirst = false }: PagerProps) {
  if (!previous && !next) return null;
  return (
    <nav className={ui.pager} aria-label={m.pagination}>
      {previous ? <Link href={previous}>{previousIsFirst ? m.firstPage : m.previousPage}</Link> : <span />}
      {next && <Link href={next}>{m.nextPage}</Link>}
    </nav>
  );
}
