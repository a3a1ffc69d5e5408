import { NOTHING, type EventHandlers } from './event-outcome.js';

type UserEvent = 'user.profile.updated.v1' | 'user.preferences.updated.v1';

/** What the user service owns and comms keeps a copy of, so sending never waits on another service. */
export const userEventHandlers: EventHandlers<UserEvent> = {
  // The whole profile: name, language and address, dated by the event (older events never overwrite).
  'user.profile.updated.v1': async (event, { tx, recipients }) => {
    const { userId, email, displayName, locale } = event.data;
    await recipients.remember({ userId, email, displayName, locale, at: new Date(event.time) }, tx);
    return NOTHING;
  },

  'user.preferences.updated.v1': async (event, { tx, preferences }) => {
    await preferences.replace(event.data.userId, event.data.email, new Date(event.time), tx);
    return NOTHING;
  },
};
