import Link from 'next/link';
import styles from './status-page.module.css';

export default function NotFound() {
  return (
    <section className={styles.page}>
      <h1 className={styles.title}>Page not found</h1>
      <p className={styles.lead}>The page you asked for does not exist or has moved.</p>
      <Link href="/" className={styles.button}>
        Go to the home page
      </Link>
    </section>
  );
}
