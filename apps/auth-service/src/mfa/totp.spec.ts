import { describe, expect, it } from 'vitest';
import { currentStep, matchTotp, newTotpSecret, otpauthUrl, totpCode } from './totp.js';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it('computes the RFC test vectors', () => {
    expect(totpCode(RFC_SECRET, Math.floor(59 / 30))).toBe('287082');
    expect(totpCode(RFC_SECRET, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpCode(RFC_SECRET, Math.floor(2000000000 / 30))).toBe('279037');
  });

  it('accepts the current step and one step of drift, never a used step', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const step = currentStep(now);
    expect(matchTotp(secret, totpCode(secret, step), 0, now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), 0, now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step - 2), 0, now)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, step), step, now)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', 0, now)).toBeUndefined();
  });

  it('describes the factor for authenticator apps', () => {
    const url = new URL(otpauthUrl('ABC', 'ada@example.test', 'Mega Solution Platform'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe('ABC');
    expect(url.searchParams.get('issuer')).toBe('Mega Solution Platform');
  });
});
