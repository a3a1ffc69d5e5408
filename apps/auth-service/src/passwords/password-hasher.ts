import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane. `2` is Algorithm.Argon2id (a const enum). */
const PARAMETERS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  // A real hash to verify against when the account does not exist, so a wrong email costs the
  // same time as a wrong password and timing does not reveal which accounts exist.
  private readonly decoy = hash('decoy-password-for-timing', PARAMETERS);

  hash(password: string): Promise<string> {
    return hash(password, PARAMETERS);
  }

  /** True when a stored hash was made with other parameters than today's: rehash it at the next login. */
  needsRehash(passwordHash: string): boolean {
    const expected = `$argon2id$v=19$m=${PARAMETERS.memoryCost},t=${PARAMETERS.timeCost},p=${PARAMETERS.parallelism}$`;
    return !passwordHash.startsWith(expected);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (passwordHash === undefined) {
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
