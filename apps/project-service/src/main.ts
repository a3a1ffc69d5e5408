import 'reflect-metadata';
import { runUntilSignal } from '@msp/platform';
import { loadProjectConfig } from './config.js';
import { startProjectService } from './project-service.js';

// Distributed mode: this service alone in its process, configured by the environment.
const service = await startProjectService(loadProjectConfig());
runUntilSignal(service.stop);
