import 'reflect-metadata';
import { runUntilSignal } from '@msp/platform';
import { startCommsService } from './comms-service.js';
import { loadCommsConfig } from './config.js';

// Distributed mode: this service alone in its process, configured by the environment.
const service = await startCommsService(loadCommsConfig());
runUntilSignal(service.stop);
