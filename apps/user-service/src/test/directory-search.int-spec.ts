import { migratedPostgres } from '@msp/testing';
import { describe } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
// Importing the cases also brings their PGlite run into this file: the servers run shows both engines side by side.
import { directorySearchCases } from './directory-search.spec.js';

describe('directory search on PostgreSQL', () => directorySearchCases(() => migratedPostgres('users', migrationsFolder)));
