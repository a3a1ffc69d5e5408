import type { authV1 } from '@msp/contracts';
import { z } from 'zod';
import { mfaCode } from './auth.dto.js';

export const totpEnrollmentResponse = z.object({
  secret: z.string().describe('Base32, for typing into an authenticator app'),
  otpauthUrl: z.string().describe('`otpauth://totp/…`, for a QR code'),
});
export const totpCodeBody = z.strictObject({ code: mfaCode });
export const recoveryCodesResponse = z.object({
  recoveryCodes: z.array(z.string()).describe('Single-use codes for when the authenticator is lost; shown only this once'),
});

export type TotpEnrollmentResponse = z.output<typeof totpEnrollmentResponse>;
export type TotpCodeBody = z.output<typeof totpCodeBody>;
export type RecoveryCodesResponse = z.output<typeof recoveryCodesResponse>;

export function toTotpEnrollment(response: authV1.EnrollTotpResponse): TotpEnrollmentResponse {
  return { secret: response.secret, otpauthUrl: response.otpauthUrl };
}

export function toRecoveryCodes(response: authV1.ConfirmTotpResponse): RecoveryCodesResponse {
  return { recoveryCodes: response.recoveryCodes };
}
