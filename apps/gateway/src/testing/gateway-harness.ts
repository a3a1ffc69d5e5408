import { Writable } from 'node:stream';
import { authV1, billingV1, commsV1, opsV1, projectV1, userV1 } from '@msp/contracts';
import { createLogger, RemoteCallError, type Cache } from '@msp/platform';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { loadGatewayConfig } from '../config.js';
import { startGateway } from '../gateway.js';
import {
  EVENT_CONSUMERS,
  type AuthClient,
  type BillingClient,
  type CommsClient,
  type DeadLetterClient,
  type DeadLetterClients,
  type EventConsumer,
  type GatewayClients,
  type HealthProbes,
  type ProjectClient,
  type UserClient,
} from '../grpc/grpc-clients.module.js';

export const ISSUER = 'msp-auth';
export const AUDIENCE = 'msp-api';

export interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  alg: 'EdDSA' | 'ES256';
  kid: string;
}

export async function makeSigningKey(
  alg: 'EdDSA' | 'ES256' = 'EdDSA',
  kid = `key-${alg}-${Math.random().toString(36).slice(2)}`,
): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, alg, kid };
}

export function jwksJsonOf(...keys: SigningKey[]): string {
  return JSON.stringify({ keys: keys.map((key) => key.publicJwk) });
}

export interface TokenOptions {
  sub?: string;
  /** The session id; null leaves the claim out. */
  sid?: string | null;
  roles?: string[];
  issuer?: string;
  audience?: string;
  /** Seconds since the epoch, or a jose time span like '5m'. */
  expiresAt?: number | string;
}

export function issueToken(key: SigningKey, options: TokenOptions = {}): Promise<string> {
  const sid = options.sid === undefined ? 'session-1' : options.sid;
  return new SignJWT({ ...(sid === null ? {} : { sid }), roles: options.roles ?? ['user'] })
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject(options.sub ?? '6f1c1d1e-8a43-4a8e-9d0f-1f2a3b4c5d6e')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '5m')
    .sign(key.privateKey);
}

/** A fake of a generated client: every RPC not given fails as UNIMPLEMENTED, like a real server would. */
function fakeOf<T>(definition: { name: string; methods: Record<string, unknown> }, impl: Partial<T>): T {
  const unimplemented = Object.fromEntries(
    Object.keys(definition.methods).map((method) => [
      method,
      () => Promise.reject(new RemoteCallError(12, 'not faked', undefined, [], `/${definition.name}/${method}`)),
    ]),
  );
  return { ...unimplemented, ...impl } as T;
}

export interface FakeBackends {
  auth?: Partial<AuthClient>;
  user?: Partial<UserClient>;
  project?: Partial<ProjectClient>;
  billing?: Partial<BillingClient>;
  comms?: Partial<CommsClient>;
  /** Each consuming service's DeadLetterService; one not given has no dead letters. */
  deadLetters?: Partial<Record<EventConsumer, Partial<DeadLetterClient>>>;
  health?: HealthProbes;
}

export function fakeClients(backends: FakeBackends): GatewayClients {
  const serving = { check: () => Promise.resolve({ status: 1 }) };
  return {
    auth: fakeOf(authV1.AuthServiceDefinition, backends.auth ?? {}),
    user: fakeOf(userV1.UserServiceDefinition, backends.user ?? {}),
    project: fakeOf(projectV1.ProjectServiceDefinition, backends.project ?? {}),
    billing: fakeOf(billingV1.BillingServiceDefinition, backends.billing ?? {}),
    comms: fakeOf(commsV1.CommsServiceDefinition, backends.comms ?? {}),
    deadLetters: Object.fromEntries(
      EVENT_CONSUMERS.map((name) => [
        name,
        fakeOf<DeadLetterClient>(opsV1.DeadLetterServiceDefinition, {
          listDeadLetters: async () => ({ items: [] }),
          ...backends.deadLetters?.[name],
        }),
      ]),
    ) as DeadLetterClients,
    health: backends.health ?? { auth: serving, user: serving, project: serving, comms: serving },
  };
}

export interface TestGateway {
  url: string;
  /** Parsed JSON log lines written so far. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  /** The cache shared with other gateways (and, in production, the auth service); else its own. */
  sharedCache?: Cache;
}

/** The real gateway (Nest, Fastify, guards, filter) on a free port, with fake backends. */
export async function startTestGateway(
  backends: FakeBackends,
  env: Record<string, string> = {},
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const rawLogs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      rawLogs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const config = loadGatewayConfig({ GATEWAY_PORT: '0', ...env });
  const gateway = await startGateway(config, createLogger('gateway', 'info', sink), {
    clients: fakeClients(backends),
    ...(options.sharedCache ? { sharedCache: options.sharedCache } : {}),
  });
  return {
    url: `http://127.0.0.1:${gateway.port}`,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    close: () => gateway.close(),
  };
}
