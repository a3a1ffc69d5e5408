export { startUserService } from './user-service.js';
export { loadUserConfig, type UserConfig } from './config.js';
