import { PlatformModule, type ServiceRuntime } from '@msp/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipCache } from './access/membership-cache.js';
import { MembershipRepository } from './access/membership.repository.js';
import { ProjectAccess } from './access/project-access.js';
import { projectReadProviders } from './access/project-read-generations.js';
import { ActivityRepository } from './activity/activity.repository.js';
import { ActivityService } from './activity/activity.service.js';
import { AdminProjectsRepository } from './admin-projects/admin-projects.repository.js';
import { AdminProjectsService } from './admin-projects/admin-projects.service.js';
import { billingProviders } from './billing/billing.providers.js';
import { CommentsRepository } from './comments/comments.repository.js';
import { CommentsService } from './comments/comments.service.js';
import type { ProjectConfig } from './config.js';
import { ProjectGrpc } from './grpc/project.grpc.js';
import { InvitationsRepository } from './invitations/invitations.repository.js';
import { InvitationsService } from './invitations/invitations.service.js';
import { MembersRepository } from './members/members.repository.js';
import { MembersService } from './members/members.service.js';
import { AccountDeletion } from './people/account-deletion.js';
import { PeopleConsumer, PROJECT_INBOX, PROJECT_QUEUE } from './people/people.consumer.js';
import { PeopleRepository } from './people/people.repository.js';
import { ProjectsRepository } from './projects/projects.repository.js';
import { ProjectsService } from './projects/projects.service.js';
import { TasksRepository } from './tasks/tasks.repository.js';
import { TasksService } from './tasks/tasks.service.js';
import { UserDataRepository } from './user-data/user-data.repository.js';
import { UserDataService } from './user-data/user-data.service.js';

@Module({})
export class ProjectAppModule {
  static with(runtime: ServiceRuntime, config: ProjectConfig): DynamicModule {
    return {
      module: ProjectAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [
        { provide: PROJECT_INBOX, useValue: runtime.inbox(PROJECT_QUEUE) },
        MembershipCache,
        MembershipRepository,
        ProjectAccess,
        ...projectReadProviders({ url: config.REDIS_URL, namespace: config.REDIS_NAMESPACE }, runtime.cache),
        ActivityRepository,
        ActivityService,
        AdminProjectsRepository,
        AdminProjectsService,
        CommentsRepository,
        CommentsService,
        InvitationsRepository,
        InvitationsService,
        MembersRepository,
        MembersService,
        AccountDeletion,
        PeopleConsumer,
        PeopleRepository,
        ProjectsRepository,
        ProjectsService,
        TasksRepository,
        TasksService,
        UserDataRepository,
        UserDataService,
        ProjectGrpc,
        ...billingProviders(config),
      ],
    };
  }
}
