import { projectV1 } from '@msp/contracts';
import { launchService, type RunningService, type SharedInfrastructure } from '@msp/platform';
import { ProjectAppModule } from './app.module.js';
import type { ProjectConfig } from './config.js';
import { migrationsFolder } from './db/migrations-folder.js';
import { inbox, outbox } from './db/schema.js';
import { projectErrorStatus } from './projects/project-error-status.js';
import { ProjectsGrpc } from './projects/projects.grpc.js';

/** Starts the project service: used by its own `main.ts` and by the embedded launcher. */
export function startProjectService(config: ProjectConfig, shared?: SharedInfrastructure): Promise<RunningService> {
  return launchService(
    {
      service: 'project',
      schema: 'projects',
      migrationsFolder,
      outbox,
      inbox,
      config,
      databaseUrl: config.PROJECT_DATABASE_URL,
      grpcPort: config.PROJECT_GRPC_PORT,
      module: (runtime) => ProjectAppModule.with(runtime),
      errorMappers: [projectErrorStatus],
      registerGrpc: (server, app) => server.add(projectV1.ProjectServiceDefinition, app.get(ProjectsGrpc)),
    },
    shared,
  );
}
