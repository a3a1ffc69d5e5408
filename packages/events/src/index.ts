export * from './envelope.js';
export * from './event-map.js';
