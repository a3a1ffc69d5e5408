import { Controller, Inject } from '@nestjs/common';
import { AUTH_CLIENT, type AuthClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { rotatedKeyResponse, toRotatedKey, type RotatedKeyResponse } from './admin-signing-keys.dto.js';

@Controller()
export class AdminSigningKeysController {
  constructor(@Inject(AUTH_CLIENT) private readonly auth: AuthClient) {}

  @Endpoint({
    method: 'POST',
    path: '/api/v1/admin/signing-keys/rotate',
    tag: 'Admin',
    auth: 'admin',
    rateLimit: 'auth',
    status: 200,
    summary: 'Rotate the token signing key now',
    description: 'New tokens carry the new `kid`; older keys stay in the JWKS until every token they signed has expired.',
    response: rotatedKeyResponse,
    errors: [],
  })
  async rotateSigningKey(): Promise<RotatedKeyResponse> {
    return toRotatedKey(await this.auth.rotateSigningKey({}));
  }
}
