import { migratedPostgres } from '@msp/testing';
import { describe } from 'vitest';
import { migrationsFolder } from '../db/migrations-folder.js';
// Importing the cases also brings their PGlite run into this file: the servers run shows both engines side by side.
import { projectsRepositoryCases } from './projects.repository.spec.js';

describe('ProjectsRepository on PostgreSQL', () => projectsRepositoryCases(() => migratedPostgres('projects', migrationsFolder)));
