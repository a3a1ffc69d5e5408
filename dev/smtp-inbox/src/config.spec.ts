import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to Mailpit ports on loopback', () => {
    expect(loadConfig({})).toEqual({ host: '127.0.0.1', smtpPort: 1025, httpPort: 8025, maxMessages: 1000 });
  });

  it('treats empty variables as unset and parses the rest', () => {
    expect(loadConfig({ SMTP_PORT: '', INBOX_PORT: '0', INBOX_HOST: '0.0.0.0', INBOX_MAX_MESSAGES: '5000' })).toEqual({
      host: '0.0.0.0',
      smtpPort: 1025,
      httpPort: 0,
      maxMessages: 5000,
    });
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ SMTP_PORT: 'smtp', INBOX_PORT: '70000' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/SMTP_PORT[\s\S]*INBOX_PORT/);
  });
});
