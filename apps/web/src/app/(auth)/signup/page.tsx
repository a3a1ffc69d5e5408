import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../auth.module.css';
import { SignupForm } from './signup-form';

export const metadata: Metadata = { title: 'Create your account' };

export default function SignupPage() {
  return (
    <>
      <div className={styles.heading}>
        <h1 className={styles.title}>Create your account</h1>
        <p className={styles.lead}>Plan and track work with your team.</p>
      </div>
      <SignupForm />
      <p className={styles.footer}>
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
