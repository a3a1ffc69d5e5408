export { startAuthService, type AuthServiceHandle } from './auth-service.js';
export { loadAuthConfig, type AuthConfig } from './config.js';
export { currentStep, totpCode } from './mfa/totp.js';
