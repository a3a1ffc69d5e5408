/**
 * The address a deleted account's deliveries are logged under: the form the user service gives a
 * deleted user's profile, so the two services name a deleted user alike. `.invalid` never resolves.
 */
export function anonymousAddressOf(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

export function isAnonymousAddress(address: string): boolean {
  return /^deleted-[0-9a-f-]{36}@deleted\.invalid$/i.test(address);
}
