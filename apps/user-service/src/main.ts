import 'reflect-metadata';
import { runUntilSignal } from '@msp/platform';
import { loadUserConfig } from './config.js';
import { startUserService } from './user-service.js';

// Distributed mode: this service alone in its process, configured by the environment.
const service = await startUserService(loadUserConfig());
runUntilSignal(service.stop);
