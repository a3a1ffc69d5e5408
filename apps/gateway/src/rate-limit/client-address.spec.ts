import { describe, expect, it } from 'vitest';
import { clientKeyOf } from './client-address.js';

describe('clientKeyOf', () => {
  it('keeps IPv4 addresses, also when seen through an IPv6 socket', () => {
    expect(clientKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('reduces IPv6 addresses to their /64, whatever their notation', () => {
    expect(clientKeyOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(clientKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKeyOf('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });

  it('puts anything that is not an address into one shared budget', () => {
    expect(clientKeyOf('evil, 1.2.3.4')).toBe('not-an-address');
    expect(clientKeyOf('x'.repeat(10_000))).toBe('not-an-address');
  });
});
