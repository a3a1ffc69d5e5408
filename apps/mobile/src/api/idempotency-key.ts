/**
 * A fresh Idempotency-Key: one per form submission, kept across retries of that submission, so a
 * request that timed out but did arrive cannot create the task or comment twice. It need only be
 * unique, not unguessable, so Math.random suffices where crypto.randomUUID is missing (Hermes).
 */
export function newIdempotencyKey(): string {
  const random = globalThis.crypto?.randomUUID?.();
  if (random) return random;
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
