import { PlatformModule, type ServiceRuntime } from '@msp/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { ProjectsGrpc } from './projects/projects.grpc.js';
import { ProjectsRepository } from './projects/projects.repository.js';
import { ProjectsService } from './projects/projects.service.js';

@Module({})
export class ProjectAppModule {
  static with(runtime: ServiceRuntime): DynamicModule {
    return {
      module: ProjectAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [ProjectsRepository, ProjectsService, ProjectsGrpc],
    };
  }
}
