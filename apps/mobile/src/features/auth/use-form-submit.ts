import { useState } from 'react';

import { describeError, fieldMessages } from '../../api/error-messages';
import { useT, type MessageKey } from '../../i18n/i18n';

export type FieldErrors = Record<string, string | undefined>;
export type FormSubmit = ReturnType<typeof useFormSubmit>;

/**
 * The submit cycle of the auth forms: local checks first (an empty field is caught without a round
 * trip), then the request; the gateway's field problems go under their fields, anything else into one
 * alert. `unauthorized` words a 401 for the form at hand.
 */
export function useFormSubmit() {
  const t = useT();
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);

  async function submit(check: () => FieldErrors, request: () => Promise<void>, unauthorized: MessageKey = 'error.sessionEnded') {
    const missing = Object.fromEntries(Object.entries(check()).filter(([, message]) => message !== undefined));
    setFieldErrors(missing);
    setGeneralError(null);
    if (Object.keys(missing).length > 0) return;
    setPending(true);
    try {
      await request();
    } catch (error) {
      const fields = fieldMessages(error);
      setFieldErrors(fields);
      // Field problems are shown under their fields; repeating them in the alert would only add noise.
      if (Object.keys(fields).length === 0) setGeneralError(describeError(error, t, unauthorized));
    } finally {
      setPending(false);
    }
  }

  function reset() {
    setFieldErrors({});
    setGeneralError(null);
  }

  return { pending, fieldErrors, generalError, submit, reset };
}
