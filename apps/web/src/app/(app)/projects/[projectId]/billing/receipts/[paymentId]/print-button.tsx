'use client';

import { buttonClass } from '../../../../../../../components/button-class';

export function PrintButton({ label }: { readonly label: string }) {
  return (
    <button type="button" className={buttonClass({ variant: 'secondary', inline: true })} onClick={() => window.print()}>
      {label}
    </button>
  );
}
