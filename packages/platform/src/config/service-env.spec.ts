import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from './env.js';
import { serviceEnv } from './service-env.js';

const parse = (env: Record<string, string | undefined>) => parseEnv(z.object(serviceEnv), env);

describe('BUS_RETRY_DELAYS_MS', () => {
  it('is a comma-separated list of milliseconds, or unset for the bus default', () => {
    expect(parse({ BUS_RETRY_DELAYS_MS: '200, 1000,5000' }).BUS_RETRY_DELAYS_MS).toEqual([200, 1000, 5000]);
    expect(parse({}).BUS_RETRY_DELAYS_MS).toBeUndefined();
    expect(parse({ BUS_RETRY_DELAYS_MS: ' ' }).BUS_RETRY_DELAYS_MS).toBeUndefined();
  });

  it('rejects anything but positive whole numbers', () => {
    for (const value of ['1000,', 'soon', '0', '-5', '1.5']) {
      expect(() => parse({ BUS_RETRY_DELAYS_MS: value }), value).toThrow(ConfigError);
    }
  });
});
