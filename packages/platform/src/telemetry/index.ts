export * from './trace-context.js';
export * from './tracing.js';
export * from './spans.js';
export * from './metrics.js';
export * from './telemetry-env.js';
