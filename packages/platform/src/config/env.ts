import { z } from 'zod';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once at boot against a zod schema and reports every invalid variable
 * together, so an operator fixes a deployment in one round instead of one variable per restart.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
}

/** Schemas for the variable kinds every app uses. */
export const envVar = {
  /**
   * The first segment of every Redis key this platform writes (`<namespace>:<area>:…`), so two
   * deployments — or two test platforms — can share one Redis without seeing each other's state.
   */
  redisNamespace: () =>
    z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ and -, at most 40')
      .default('msp'),
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  optionalPort: () =>
    z
      .string()
      .optional()
      .transform((value) => (value === undefined || value === '' ? undefined : Number(value)))
      .pipe(z.number().int().min(0).max(65535).optional()),
  host: (fallback = '127.0.0.1') => z.string().min(1).default(fallback),
  url: () => z.url(),
  optionalUrl: () =>
    z
      .string()
      .optional()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.url().optional()),
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', ''])
      .optional()
      .transform((value) => (value === undefined || value === '' ? fallback : value === 'true' || value === '1')),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  durationMs: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  /** Comma-separated durations in milliseconds (`200,1000,5000`); unset or empty means undefined. */
  optionalDurationList: () =>
    z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.split(',').map((part) => Number(part.trim()))))
      .pipe(z.array(z.number().int().positive()).optional()),
};
