import type { EventData } from '@msp/events';
import type { EventRecorder } from '@msp/platform';
import type { ProfileRow } from './profiles.repository.js';

/** Records `user.profile.updated.v1` with the whole profile as it is after the change. */
export async function recordProfileUpdated(events: EventRecorder, profile: ProfileRow): Promise<void> {
  const data: EventData<'user.profile.updated.v1'> = {
    userId: profile.userId,
    email: profile.email,
    displayName: profile.displayName,
    locale: profile.locale,
    timezone: profile.timezone,
    avatarUrl: profile.avatarUrl,
  };
  await events.add({ type: 'user.profile.updated.v1', subject: profile.userId, data });
}
