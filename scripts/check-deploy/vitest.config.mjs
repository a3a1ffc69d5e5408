import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests of `npm run check:deploy` (scripts/ is outside the root config's unit project).
export default defineConfig({
  test: {
    name: 'check-deploy',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.spec.ts'],
    testTimeout: 30_000,
  },
});
