'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './tabs.module.css';

/** A link in a row of section tabs; the current section is marked for assistive technology (aria-current). */
export function TabLink({ href, label, exact = false }: { readonly href: string; readonly label: string; readonly exact?: boolean }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} className={styles.tab} aria-current={current ? 'page' : undefined}>
      {label}
    </Link>
  );
}
