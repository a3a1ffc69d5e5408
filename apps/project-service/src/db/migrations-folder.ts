import { fileURLToPath } from 'node:url';

/** The SQL migrations drizzle-kit generated; the same folder from src/ (tests) and dist/ (runtime). */
export const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));
