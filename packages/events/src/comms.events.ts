import { z } from 'zod';

/** Events of the communications service. */
export const commsEvents = {
  /**
   * Someone used an email's unsubscribe link (RFC 8058 one-click or the web page). Comms stops that
   * category at once; the user service, which owns preferences, records the choice.
   */
  'comms.email.unsubscribed.v1': z.object({
    userId: z.uuid(),
    category: z.string().min(1),
  }),
} as const;
