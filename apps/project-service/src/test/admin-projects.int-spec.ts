import { migratedPostgres } from '@msp/testing';
import { describe } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
// Importing the cases also brings their PGlite run into this file: the servers run shows both engines side by side.
import { adminProjectsCases } from './admin-projects.spec.js';

describe('Admin project directory on PostgreSQL', () => adminProjectsCases(() => migratedPostgres('projects', migrationsFolder)));
