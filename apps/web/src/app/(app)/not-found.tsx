import Link from 'next/link';
import { getI18n } from '../../i18n/server';
import styles from '../status-page.module.css';

export default async function NotFound() {
  const { m } = await getI18n();
  return (
    <section className={styles.page}>
      <h1 className={styles.title}>{m.common.notFoundTitle}</h1>
      <p className={styles.lead}>{m.common.notFoundLead}</p>
      <Link href="/projects" className={styles.button}>
        {m.common.goHome}
      </Link>
    </section>
  );
}
