import { billingV1, projectV1 } from '@msp/contracts';
import { launchService, type RunningService, type SharedInfrastructure } from '@msp/platform';
import { accessErrorStatus } from './access/access-error-status.js';
import { activityErrorStatus } from './activity/activity-error-status.js';
import { adminProjectsErrorStatus } from './admin-projects/admin-projects-error-status.js';
import { ProjectAppModule } from './app.module.js';
import { billingErrorStatus } from './billing/billing-error-status.js';
import { BillingGrpc } from './billing/billing.grpc.js';
import { commentErrorStatus } from './comments/comment-error-status.js';
import type { ProjectConfig } from './config.js';
import { migrationsFolder } from './db/migrations-folder.js';
import { inbox, outbox } from './db/schema.js';
import { ProjectGrpc } from './grpc/project.grpc.js';
import { invitationErrorStatus } from './invitations/invitation-error-status.js';
import { memberErrorStatus } from './members/member-error-status.js';
import { PeopleConsumer, PROJECT_QUEUE } from './people/people.consumer.js';
import { projectErrorStatus } from './projects/project-error-status.js';
import { taskErrorStatus } from './tasks/task-error-status.js';
import { userDataErrorStatus } from './user-data/user-data-error-status.js';

/** Every feature's error → gRPC status mapping; each answers only for its own error class. */
export const projectErrorMappers = [
  accessErrorStatus,
  projectErrorStatus,
  memberErrorStatus,
  invitationErrorStatus,
  taskErrorStatus,
  commentErrorStatus,
  activityErrorStatus,
  userDataErrorStatus,
  billingErrorStatus,
  adminProjectsErrorStatus,
];

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
      module: (runtime) => ProjectAppModule.with(runtime, config),
      errorMappers: projectErrorMappers,
      registerGrpc: (server, app) => {
        server.add(projectV1.ProjectServiceDefinition, app.get(ProjectGrpc));
        server.add(billingV1.BillingServiceDefinition, app.get(BillingGrpc));
      },
      startConsumers: (app) => app.get(PeopleConsumer).start(),
      deadLetterQueues: [PROJECT_QUEUE],
    },
    shared,
  );
}
