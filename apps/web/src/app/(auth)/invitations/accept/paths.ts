/** The page an invitation email links to; the sign-in and sign-up pages lead back here with `next`. */
export function acceptInvitationPath(token: string): string {
  return `/invitations/accept?token=${encodeURIComponent(token)}`;
}
