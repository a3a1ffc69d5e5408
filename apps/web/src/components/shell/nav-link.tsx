'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './app-header.module.css';

/** A main navigation link that marks itself as the current page (aria-current) for the section it leads to. */
export function NavLink({ href, label, exact = false }: { readonly href: string; readonly label: string; readonly exact?: boolean }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} className={styles.navLink} aria-current={current ? 'page' : undefined}>
      {label}
    </Link>
  );
}
