import { Controller, Inject } from '@nestjs/common';
import { AUTH_CLIENT, type AuthClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody } from '../http/valid-input.decorator.js';
import {
  changePasswordBody,
  forgotPasswordBody,
  resetPasswordBody,
  type ChangePasswordBody,
  type ForgotPasswordBody,
  type ResetPasswordBody,
} from './password.dto.js';

const tag = 'Auth';

@Controller()
export class PasswordController {
  constructor(@Inject(AUTH_CLIENT) private readonly auth: AuthClient) {}

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/password/forgot',
    tag,
    auth: 'public',
    rateLimit: 'sensitive',
    status: 202,
    summary: 'Email a single-use password reset link',
    description: 'Answers 202 whether or not the email has an account, so the answer reveals nothing.',
    body: forgotPasswordBody,
    errors: [],
  })
  async forgotPassword(@ValidBody() body: ForgotPasswordBody): Promise<void> {
    await this.auth.forgotPassword(body);
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/password/reset',
    errorCodes: { 400: ['INVALID_TOKEN'] },
    tag,
    auth: 'public',
    rateLimit: 'sensitive',
    status: 204,
    summary: 'Set a new password with the token from the reset email; every session ends',
    description: 'An unknown, used or expired token, or a password the policy rejects (e.g. a common one), is 400.',
    body: resetPasswordBody,
    errors: [],
  })
  async resetPassword(@ValidBody() body: ResetPasswordBody): Promise<void> {
    await this.auth.resetPassword(body);
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/auth/password/change',
    tag,
    auth: 'user',
    rateLimit: 'auth',
    status: 204,
    summary: "Change the caller's password, proven with the current one",
    description: 'A wrong current password is 401 `INVALID_CREDENTIALS`; a new password the policy rejects is 400.',
    body: changePasswordBody,
    errors: [],
  })
  async changePassword(@ValidBody() body: ChangePasswordBody): Promise<void> {
    await this.auth.changePassword(body);
  }
}
