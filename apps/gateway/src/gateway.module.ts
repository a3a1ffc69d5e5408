import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LOGGER, type Logger } from '@msp/platform';
import { AdminEmailsController } from './admin/admin-emails.controller.js';
import { AuthController } from './auth/auth.controller.js';
import type { GatewayConfig } from './config.js';
import { AUTH_CLIENT, GrpcClientsModule, type AuthClient, type GatewayClients } from './grpc/grpc-clients.module.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { endpointsOf } from './http/endpoint.decorator.js';
import { ProblemFilter } from './http/problem.filter.js';
import { RequestContextInterceptor } from './http/request-context.interceptor.js';
import { MeController } from './me/me.controller.js';
import { OpenApiController } from './openapi/openapi.controller.js';
import { buildOpenApiDocument, OPENAPI_DOCUMENT, type OpenApiDocument } from './openapi/openapi-document.js';
import { ProjectsController } from './projects/projects.controller.js';
import { AccessTokenVerifier } from './security/access-token-verifier.js';
import { AuthenticationGuard } from './security/authentication.guard.js';
import { JwksKeyStore } from './security/jwks-key-store.js';

/** Every controller of the public API; the OpenAPI document is generated from exactly these. */
export const GATEWAY_CONTROLLERS: Type[] = [
  AuthController,
  MeController,
  ProjectsController,
  AdminEmailsController,
  HealthController,
  OpenApiController,
];

/** The public API's OpenAPI document, also available without starting anything (client generation). */
export function gatewayOpenApiDocument(): OpenApiDocument {
  return buildOpenApiDocument(endpointsOf(GATEWAY_CONTROLLERS));
}

export interface GatewayModuleOptions {
  config: GatewayConfig;
  logger: Logger;
  /** Replaces the real gRPC clients (tests; an embedded host that already holds clients). */
  clients?: Partial<GatewayClients> | undefined;
}

@Module({})
export class GatewayModule {
  static register({ config, logger, clients }: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [GrpcClientsModule.register({ grpc: config.grpc, overrides: clients })],
      controllers: GATEWAY_CONTROLLERS,
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: OPENAPI_DOCUMENT, useValue: gatewayOpenApiDocument() },
        {
          provide: JwksKeyStore,
          inject: [AUTH_CLIENT],
          useFactory: (auth: AuthClient) => new JwksKeyStore(async () => (await auth.getJwks({})).jwksJson),
        },
        {
          provide: AccessTokenVerifier,
          inject: [JwksKeyStore],
          useFactory: (keys: JwksKeyStore) => new AccessTokenVerifier(keys, config.jwt),
        },
        ReadinessService,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
