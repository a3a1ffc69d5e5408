export { startCommsService } from './comms-service.js';
export { loadCommsConfig, type CommsConfig } from './config.js';
