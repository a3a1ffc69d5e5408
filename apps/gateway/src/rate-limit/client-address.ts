import { isIP } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The client identity a rate limit counts against, from the request's address.
 * - An IPv6 client is usually given a whole /64 and could take a fresh address (and a fresh
 *   budget) per request, so all of its /64 shares one budget.
 * - An IPv4 address seen through an IPv6 socket (`::ffff:a.b.c.d`) is the same client as `a.b.c.d`.
 * - Anything that is not an address (a forged forwarding header) shares one single budget, and
 *   cannot grow the cache with long keys.
 */
export function clientKeyOf(ip: string): string {
  const mapped = IPV4_MAPPED.exec(ip)?.[1];
  if (mapped !== undefined) return mapped;
  switch (isIP(ip)) {
    case 4:
      return ip;
    case 6:
      return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
    default:
      return 'not-an-address';
  }
}

/** The eight groups of a valid IPv6 address, `::` expanded, in canonical lower-case form. */
function ipv6Groups(ip: string): string[] {
  const [address = ''] = ip.split('%'); // a zone id names an interface, not a client
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':').flatMap(hexGroupsOf));
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right];
}

/** One group, or the two groups of a trailing dotted IPv4 part (`::ffff:1.2.3.4`). */
function hexGroupsOf(group: string): string[] {
  if (!group.includes('.')) return [parseInt(group, 16).toString(16)];
  const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
