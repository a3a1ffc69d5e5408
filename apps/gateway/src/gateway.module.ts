import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LOGGER, RevocationList, type Cache, type Logger } from '@msp/platform';
import { AdminDeadLettersController } from './admin/admin-dead-letters.controller.js';
import { AdminEmailsController } from './admin/admin-emails.controller.js';
import { AdminProjectsController } from './admin/admin-projects.controller.js';
import { AdminSigningKeysController } from './admin/admin-signing-keys.controller.js';
import { AdminUsersController } from './admin/admin-users.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { PasswordController } from './auth/password.controller.js';
import { SessionsController } from './auth/sessions.controller.js';
import { TotpController } from './auth/totp.controller.js';
import { AdminPaymentsController } from './billing/admin-payments.controller.js';
import { BillingController } from './billing/billing.controller.js';
import { PaymentWebhooksController } from './billing/payment-webhooks.controller.js';
import { GatewayCaches } from './cache/gateway-caches.js';
import { IdempotencyStore } from './cache/idempotency-store.js';
import type { GatewayConfig } from './config.js';
import { AUTH_CLIENT, GrpcClientsModule, type AuthClient, type GatewayClients } from './grpc/grpc-clients.module.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import { endpointsOf } from './http/endpoint.decorator.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemFilter } from './http/problem.filter.js';
import { RequestContextInterceptor } from './http/request-context.interceptor.js';
import { DataExportController } from './me/data-export.controller.js';
import { MeController } from './me/me.controller.js';
import { NotificationPreferencesController } from './me/notification-preferences.controller.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { UnsubscribeController } from './notifications/unsubscribe.controller.js';
import { OpenApiController } from './openapi/openapi.controller.js';
import { buildOpenApiDocument, OPENAPI_DOCUMENT, type OpenApiDocument } from './openapi/openapi-document.js';
import { ActivityController } from './projects/activity.controller.js';
import { InvitationsController } from './projects/invitations.controller.js';
import { MembersController } from './projects/members.controller.js';
import { ProjectReadCache } from './projects/project-read-cache.js';
import { ProjectsController } from './projects/projects.controller.js';
import { FixedWindowLimiter } from './rate-limit/fixed-window-limiter.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { RequestBudget } from './rate-limit/request-budget.js';
import { AccessTokenVerifier } from './security/access-token-verifier.js';
import { AuthenticationGuard } from './security/authentication.guard.js';
import { JwksKeyStore } from './security/jwks-key-store.js';
import { CommentsController } from './tasks/comments.controller.js';
import { TasksController } from './tasks/tasks.controller.js';

/** Every controller of the public API; the OpenAPI document is generated from exactly these. */
export const GATEWAY_CONTROLLERS: Type[] = [
  AuthController,
  SessionsController,
  PasswordController,
  TotpController,
  MeController,
  NotificationPreferencesController,
  DataExportController,
  ProjectsController,
  MembersController,
  InvitationsController,
  TasksController,
  CommentsController,
  ActivityController,
  BillingController,
  PaymentWebhooksController,
  NotificationsController,
  UnsubscribeController,
  AdminUsersController,
  AdminSigningKeysController,
  AdminEmailsController,
  AdminDeadLettersController,
  AdminPaymentsController,
  AdminProjectsController,
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
  /** The embedded launcher's in-process cache, where the auth service records revocations. */
  sharedCache?: Cache | undefined;
}

/**
 * What revocation entries are written with: the access-token lifetime. The gateway only reads the
 * list, so this value is never used here; it is what the shared RevocationList needs to exist.
 */
const REVOCATION_TTL_SECONDS = 600;

@Module({})
export class GatewayModule {
  static register({ config, logger, clients, sharedCache }: GatewayModuleOptions): DynamicModule {
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
        {
          provide: GatewayCaches,
          useFactory: () => GatewayCaches.open({ url: config.redisUrl, namespace: config.redisNamespace }, sharedCache, logger),
        },
        {
          provide: ProjectReadCache,
          inject: [GatewayCaches],
          useFactory: (caches: GatewayCaches) => new ProjectReadCache(caches.reads, logger),
        },
        {
          provide: RevocationList,
          inject: [GatewayCaches],
          useFactory: (caches: GatewayCaches) => new RevocationList(caches.revocations, REVOCATION_TTL_SECONDS),
        },
        {
          provide: FixedWindowLimiter,
          inject: [GatewayCaches],
          useFactory: (caches: GatewayCaches) => new FixedWindowLimiter(caches.rateLimits, config.rateLimits.windowSeconds),
        },
        {
          provide: RequestBudget,
          inject: [FixedWindowLimiter],
          useFactory: (limiter: FixedWindowLimiter) => new RequestBudget(limiter, config.rateLimits, logger),
        },
        {
          provide: IdempotencyStore,
          inject: [GatewayCaches],
          useFactory: (caches: GatewayCaches) => new IdempotencyStore(caches.idempotency),
        },
        ReadinessService,
        // Global guards run in this order: throttling first, so floods of bad tokens are counted too.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        // Inside the request context, after the guards: keys are scoped to the verified caller.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
