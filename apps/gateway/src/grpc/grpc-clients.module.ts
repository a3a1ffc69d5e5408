import { Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { authV1, billingV1, commsV1, opsV1, projectV1, userV1 } from '@msp/contracts';
import { connectService } from '@msp/platform';
import { HealthDefinition } from 'nice-grpc-server-health';
import type { BackendName, GatewayConfig } from '../config.js';

export const AUTH_CLIENT = Symbol('AuthServiceClient');
export const USER_CLIENT = Symbol('UserServiceClient');
export const PROJECT_CLIENT = Symbol('ProjectServiceClient');
/** The project service's BillingService, on the project service's address. */
export const BILLING_CLIENT = Symbol('BillingServiceClient');
export const COMMS_CLIENT = Symbol('CommsServiceClient');
export const HEALTH_PROBES = Symbol('HealthProbes');
export const DEAD_LETTER_CLIENTS = Symbol('DeadLetterServiceClients');

export type AuthClient = authV1.AuthServiceClient;
export type UserClient = userV1.UserServiceClient;
export type ProjectClient = projectV1.ProjectServiceClient;
export type BillingClient = billingV1.BillingServiceClient;
export type CommsClient = commsV1.CommsServiceClient;
export type DeadLetterClient = opsV1.DeadLetterServiceClient;

/** The services that consume events; each serves the dead letters of its own queue on its gRPC port. */
export const EVENT_CONSUMERS = ['user', 'project', 'comms'] as const satisfies readonly BackendName[];
export type EventConsumer = (typeof EVENT_CONSUMERS)[number];
export type DeadLetterClients = Record<EventConsumer, DeadLetterClient>;

/** The slice of the standard grpc.health.v1 client the readiness check uses. */
export interface HealthProbe {
  check(request: { service: string }): Promise<{ status: number }>;
}
export type HealthProbes = Record<BackendName, HealthProbe>;

export interface GatewayClients {
  auth: AuthClient;
  user: UserClient;
  project: ProjectClient;
  billing: BillingClient;
  comms: CommsClient;
  deadLetters: DeadLetterClients;
  health: HealthProbes;
}

/** Readiness must answer quickly even when a backend hangs, whatever the API deadline is. */
const HEALTH_DEADLINE_MS = 1_000;

type ServiceDefinition = Parameters<typeof connectService>[0];

/**
 * Owns the channels this module opened. They close on application shutdown, which Nest runs after
 * the HTTP server has drained, so requests still in flight during a graceful stop can finish.
 */
class GrpcConnections implements OnApplicationShutdown {
  private readonly closers: Array<() => void> = [];

  open<S extends ServiceDefinition>(definition: S, address: string, deadlineMs: number) {
    const connection = connectService(definition, address, { deadlineMs, caller: 'gateway' });
    this.closers.push(connection.close);
    return connection.client;
  }

  onApplicationShutdown(): void {
    for (const close of this.closers.splice(0)) close();
  }
}

export interface GrpcClientsOptions {
  grpc: GatewayConfig['grpc'];
  /** Clients to use instead of real connections (tests, or an embedded host with its own). */
  overrides?: Partial<GatewayClients> | undefined;
}

/** One provider per backend service; a channel is opened only for clients not overridden. */
@Module({})
export class GrpcClientsModule {
  static register({ grpc, overrides = {} }: GrpcClientsOptions): DynamicModule {
    const provide = <K extends keyof GatewayClients>(
      token: symbol,
      key: K,
      open: (connections: GrpcConnections) => GatewayClients[K],
    ): Provider => ({
      provide: token,
      inject: [GrpcConnections],
      useFactory: (connections: GrpcConnections) => overrides[key] ?? open(connections),
    });
    const health = (connections: GrpcConnections, address: string): HealthProbe =>
      connections.open(HealthDefinition, address, HEALTH_DEADLINE_MS);

    return {
      module: GrpcClientsModule,
      providers: [
        GrpcConnections,
        provide(AUTH_CLIENT, 'auth', (c) => c.open(authV1.AuthServiceDefinition, grpc.auth, grpc.deadlineMs)),
        provide(USER_CLIENT, 'user', (c) => c.open(userV1.UserServiceDefinition, grpc.user, grpc.deadlineMs)),
        provide(PROJECT_CLIENT, 'project', (c) => c.open(projectV1.ProjectServiceDefinition, grpc.project, grpc.deadlineMs)),
        provide(BILLING_CLIENT, 'billing', (c) => c.open(billingV1.BillingServiceDefinition, grpc.project, grpc.deadlineMs)),
        provide(COMMS_CLIENT, 'comms', (c) => c.open(commsV1.CommsServiceDefinition, grpc.comms, grpc.deadlineMs)),
        provide(DEAD_LETTER_CLIENTS, 'deadLetters', (c) => ({
          user: c.open(opsV1.DeadLetterServiceDefinition, grpc.user, grpc.deadlineMs),
          project: c.open(opsV1.DeadLetterServiceDefinition, grpc.project, grpc.deadlineMs),
          comms: c.open(opsV1.DeadLetterServiceDefinition, grpc.comms, grpc.deadlineMs),
        })),
        provide(HEALTH_PROBES, 'health', (c) => ({
          auth: health(c, grpc.auth),
          user: health(c, grpc.user),
          project: health(c, grpc.project),
          comms: health(c, grpc.comms),
        })),
      ],
      exports: [AUTH_CLIENT, USER_CLIENT, PROJECT_CLIENT, BILLING_CLIENT, COMMS_CLIENT, DEAD_LETTER_CLIENTS, HEALTH_PROBES],
    };
  }
}
