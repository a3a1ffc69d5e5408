import styles from './button.module.css';

export interface ButtonLook {
  readonly variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** Primary buttons fill their form (auth cards); inline ones are as wide as their text. */
  readonly inline?: boolean;
  readonly small?: boolean;
}

/** The class names of a button (or a link that looks like one). */
export function buttonClass({ variant = 'primary', inline = false, small = false }: ButtonLook = {}): string {
  return [styles[variant], inline && styles.inline, small && styles.small].filter(Boolean).join(' ');
}
