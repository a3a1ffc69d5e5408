'use client';

import { useTransition } from 'react';
import { buttonClass } from '../../../components/button-class';
import { markNotificationRead } from './actions';

export function MarkReadButton({ id, label, title }: { readonly id: string; readonly label: string; readonly title: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={buttonClass({ variant: 'secondary', inline: true, small: true })}
      disabled={pending}
      aria-label={`${label}: ${title}`}
      onClick={() => startTransition(async () => void (await markNotificationRead(id)))}
    >
      {label}
    </button>
  );
}
