import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy (NIST 800-63B)', () => {
  it('accepts long passphrases without composition rules', () => {
    expect(passwordProblems('correct horse battery staple', 'password')).toEqual([]);
    expect(passwordProblems('a'.repeat(10) + 'zq', 'password')).toEqual([]);
  });

  it('refuses short, overlong and breached passwords', () => {
    expect(passwordProblems('short', 'password')[0]?.message).toMatch(/at least 8/);
    expect(passwordProblems('x'.repeat(129), 'password')[0]?.message).toMatch(/at most 128/);
    expect(passwordProblems('password1', 'password')[0]?.message).toMatch(/common/);
    expect(passwordProblems('Qwertyuiop', 'newPassword')).toEqual([{ path: 'newPassword', message: expect.stringMatching(/common/) }]);
  });

  it('refuses a password containing the email address', () => {
    expect(passwordProblems('ada.lovelace-2026', 'password', { email: 'ada.lovelace@example.test' })[0]?.message).toMatch(/email/);
  });
});
