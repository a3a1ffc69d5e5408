import 'reflect-metadata';
import { runUntilSignal } from '@msp/platform';
import { startAuthService } from './auth-service.js';
import { loadAuthConfig } from './config.js';

// Distributed mode: this service alone in its process, configured by the environment.
const config = loadAuthConfig();
const service = await startAuthService(config);
if (service.generatedAdminPassword) {
  console.log(`Administrator ${config.PLATFORM_ADMIN_EMAIL} created with password: ${service.generatedAdminPassword}`);
}
runUntilSignal(service.stop);
