/** The RevocationList the gateway reads: ending a session takes effect on its access tokens at once. */
export const REVOCATIONS = Symbol('RevocationList');
