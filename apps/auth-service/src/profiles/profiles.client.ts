import { userV1 } from '@msp/contracts';
import type { Client } from 'nice-grpc';

export const USER_SERVICE = Symbol('UserServiceClient');
export type UserServiceClient = Client<typeof userV1.UserServiceDefinition>;
