import { useEffect, useRef } from 'react';

/**
 * After a failed submit, move focus to the first invalid field (its error is read with it) or, failing
 * that, leave it for the alert region to announce. Keyboard and screen-reader users land on the problem.
 */
export function useFocusOnError(state: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const invalid = formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [state]);
  return formRef;
}
