export { startAuthService, type AuthServiceHandle } from './auth-service.js';
export { loadAuthConfig, type AuthConfig } from './config.js';
