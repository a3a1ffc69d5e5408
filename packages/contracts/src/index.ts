// Generated gRPC contracts (ts-proto, from proto/msp/**). Regenerate with `npm run generate`.
export * as authV1 from './gen/msp/auth/v1/auth.js';
export * as userV1 from './gen/msp/user/v1/user.js';
export * as projectV1 from './gen/msp/project/v1/project.js';
export * as billingV1 from './gen/msp/project/v1/billing.js';
export * as commsV1 from './gen/msp/comms/v1/comms.js';
export { Timestamp } from './gen/google/protobuf/timestamp.js';
export * as opsV1 from './gen/msp/ops/v1/dead_letters.js';
