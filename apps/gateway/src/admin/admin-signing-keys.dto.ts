import type { authV1 } from '@msp/contracts';
import { z } from 'zod';

export const rotatedKeyResponse = z.object({ kid: z.string().describe('The key id new access tokens are signed with') });
export type RotatedKeyResponse = z.output<typeof rotatedKeyResponse>;

export function toRotatedKey(response: authV1.RotateSigningKeyResponse): RotatedKeyResponse {
  return { kid: response.kid };
}
