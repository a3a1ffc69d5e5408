import { NOTHING, type EventHandlers } from './event-outcome.js';

type UserEvent = 'user.profile.updated.v1' | 'user.preferences.updated.v1';

/** What the user service owns and comms keeps a copy of, so sending never waits on another service. */
export const userEventHandlers: EventHandlers<UserEvent> = {
  // The whole profile: name, language and address, dated by the event (older events never overwrite).
  // After a deletion the user service publishes the anonymised profile: the tombstone ignores it.
  'user.profile.updated.v1': async (event, { tx, recipients }) => {
    const { userId, email, displayName, locale } = event.data;
    await recipients.remember({ userId, email, displayName, locale, at: new Date(event.time) }, tx);
    return NOTHING;
  },

  // A deleted account's switches are gone; an older event arriving late does not bring them back.
  'user.preferences.updated.v1': async (event, { tx, recipients, preferences }) => {
    if (await recipients.isDeleted(event.data.userId, tx)) return NOTHING;
    await preferences.replace(event.data.userId, event.data.email, new Date(event.time), tx);
    return NOTHING;
  },
};
