import { Controller, Inject } from '@nestjs/common';
import {
  AUTH_CLIENT,
  COMMS_CLIENT,
  PROJECT_CLIENT,
  USER_CLIENT,
  type AuthClient,
  type CommsClient,
  type ProjectClient,
  type UserClient,
} from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { dataExportResponse, toDataExport, type DataExportResponse } from './data-export.dto.js';

/** The caller's data export (GDPR art. 15/20): every service contributes what it holds. */
@Controller()
export class DataExportController {
  constructor(
    @Inject(AUTH_CLIENT) private readonly auth: AuthClient,
    @Inject(USER_CLIENT) private readonly user: UserClient,
    @Inject(PROJECT_CLIENT) private readonly project: ProjectClient,
    @Inject(COMMS_CLIENT) private readonly comms: CommsClient,
  ) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/me/export',
    tag: 'Me',
    auth: 'user',
    rateLimit: 'auth',
    status: 200,
    summary: 'Everything the platform holds about the caller, as one JSON document',
    response: dataExportResponse,
    errors: [],
  })
  async exportMyData(): Promise<DataExportResponse> {
    // Independent reads, each acting as the caller: ask every service at once.
    const [auth, user, project, comms] = await Promise.all([
      this.auth.exportUserData({}),
      this.user.exportUserData({}),
      this.project.exportUserData({}),
      this.comms.exportUserData({}),
    ]);
    return toDataExport(new Date(), [
      { service: 'auth', json: auth.json },
      { service: 'user', json: user.json },
      { service: 'project', json: project.json },
      { service: 'comms', json: comms.json },
    ]);
  }
}
