import type { commsV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { UserDataService } from './user-data.service.js';

type UserDataRpcs = Pick<commsV1.CommsServiceImplementation, 'exportUserData'>;

@Injectable()
export class UserDataGrpc implements UserDataRpcs {
  constructor(private readonly userData: UserDataService) {}

  async exportUserData(_request: commsV1.ExportUserDataRequest, context: CallContext): Promise<commsV1.ExportUserDataResponse> {
    return { json: JSON.stringify(await this.userData.export(callerOf(context))) };
  }
}
