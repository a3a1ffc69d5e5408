/**
 * Pages of the web app that emails and notifications point to. Emails make them absolute under
 * WEB_URL (`webLink`); notifications keep them relative, as the web app resolves them itself.
 */
export const WEB_PATHS = {
  verifyEmail: '/verify-email',
  resetPassword: '/reset-password',
  forgotPassword: '/forgot-password',
  /** The web app sends a signed-out invitee to sign in (or up) and back. */
  acceptInvitation: '/invitations/accept',
  unsubscribe: '/unsubscribe',
  task: (projectId: string, taskKey: string) => `/projects/${encodeURIComponent(projectId)}/tasks/${encodeURIComponent(taskKey)}`,
  billing: (projectId: string) => `/projects/${encodeURIComponent(projectId)}/billing`,
} as const;

/** A relative link with its query, e.g. `/invitations/accept?token=…`. */
export function webPath(path: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${path}?${query}` : path;
}
