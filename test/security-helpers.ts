import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { DevInboxClient, TestGatewayClient } from '@msp/testing';
import { SignJWT } from 'jose';

/** A fresh verified customer with tokens, signed up through the public API and the dev inbox. */
export async function newCustomer(gateway: TestGatewayClient, inbox: DevInboxClient, label = 'sec') {
  const person = {
    email: `${label}-${randomBytes(4).toString('hex')}@example.test`,
    password: `pw-${randomBytes(8).toString('hex')}`,
    displayName: label,
  };
  return { ...person, ...(await gateway.signUp(inbox, person)) };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens an attacker could make without the platform's private key. */
export async function forgedTokens(validToken: string, jwks: { keys: Array<Record<string, string>> }) {
  const [header, payload] = validToken.split('.') as [string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const publicJwk = jwks.keys[0]!;
  const hmacWithPublicKey = (secret: string | Buffer) => {
    const head = b64({ alg: 'HS256', typ: 'JWT', kid: publicJwk.kid });
    const body = b64(claims);
    return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
  };
  const { privateKey } = generateKeyPairSync('ed25519');
  const ownKey = (extra: Record<string, unknown>, kid = publicJwk.kid) =>
    new SignJWT({ ...claims, ...extra }).setProtectedHeader({ alg: 'EdDSA', kid: kid! }).sign(privateKey);
  return {
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    'HS256 signed with the public JWK': hmacWithPublicKey(JSON.stringify(publicJwk)),
    'HS256 signed with the raw public key': hmacWithPublicKey(Buffer.from(publicJwk.x!, 'base64url')),
    'tampered payload (another user)': `${header}.${b64({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })}.${validToken.split('.')[2]}`,
    'signed by another key under the real kid': await ownKey({}),
    'signed by another key under an unknown kid': await ownKey({}, 'unknown-kid'),
    'admin role added, signed by another key': await ownKey({ roles: ['customer', 'admin'] }),
    'not a JWT': 'definitely-not-a-token',
  };
}
