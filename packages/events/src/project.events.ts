import { z } from 'zod';

export const projectEvents = {
  /** A project was created; its creator is its first owner. */
  'project.created.v1': z.object({
    projectId: z.uuid(),
    key: z.string(),
    name: z.string(),
    ownerId: z.uuid(),
  }),
} as const;
