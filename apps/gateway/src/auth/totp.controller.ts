import { Controller, Inject } from '@nestjs/common';
import { AUTH_CLIENT, type AuthClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody } from '../http/valid-input.decorator.js';
import {
  recoveryCodesResponse,
  toRecoveryCodes,
  totpCodeBody,
  totpEnrollmentResponse,
  toTotpEnrollment,
  type RecoveryCodesResponse,
  type TotpCodeBody,
  type TotpEnrollmentResponse,
} from './totp.dto.js';

const tag = 'Auth';

/** TOTP second factor of the caller: enroll, confirm with a first code, disable with a code. */
@Controller()
export class TotpController {
  constructor(@Inject(AUTH_CLIENT) private readonly auth: AuthClient) {}

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/mfa/totp/enroll',
    errorCodes: { 422: ['MFA_ALREADY_ENABLED'] },
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 200,
    summary: 'Start TOTP enrolment: a new secret, inactive until confirmed',
    description: 'An account that already has TOTP is 422 `MFA_ALREADY_ENABLED`.',
    response: totpEnrollmentResponse,
    errors: [422],
  })
  async enrollTotp(): Promise<TotpEnrollmentResponse> {
    return toTotpEnrollment(await this.auth.enrollTotp({}));
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/mfa/totp/confirm',
    errorCodes: { 422: ['MFA_ALREADY_ENABLED', 'MFA_NOT_ENROLLED'] },
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 200,
    summary: 'Activate TOTP with a first code; answers the recovery codes, shown only once',
    description: 'A wrong code is 401 `INVALID_MFA_CODE`; without a pending enrolment, or with TOTP already active, 422.',
    body: totpCodeBody,
    response: recoveryCodesResponse,
    errors: [422],
  })
  async confirmTotp(@ValidBody() body: TotpCodeBody): Promise<RecoveryCodesResponse> {
    return toRecoveryCodes(await this.auth.confirmTotp(body));
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/auth/mfa/totp',
    errorCodes: { 422: ['MFA_NOT_ENROLLED'] },
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 204,
    summary: 'Turn TOTP off, proven with a current TOTP or recovery code',
    description: 'A wrong code is 401 `INVALID_MFA_CODE`; an account without TOTP is 422 `MFA_NOT_ENROLLED`.',
    body: totpCodeBody,
    errors: [422],
  })
  async disableTotp(@ValidBody() body: TotpCodeBody): Promise<void> {
    await this.auth.disableTotp(body);
  }
}
