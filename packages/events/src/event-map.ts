import type { z } from 'zod';
import { authEvents } from './auth.events.js';
import { billingEvents } from './billing.events.js';
import { commsEvents } from './comms.events.js';
import { projectEvents } from './project.events.js';
import { userEvents } from './user.events.js';

/**
 * Every integration event of the platform: name → payload schema. Names are
 * `<service>.<entity>.<verb-past>.v<N>`; a breaking payload change is a new version, never an edit.
 */
export const eventSchemas = {
  ...authEvents,
  ...userEvents,
  ...projectEvents,
  ...billingEvents,
  ...commsEvents,
} as const;

export type EventMap = { [K in keyof typeof eventSchemas]: z.infer<(typeof eventSchemas)[K]> };
export type EventType = keyof EventMap;
export type EventData<T extends EventType> = EventMap[T];
