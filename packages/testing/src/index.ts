export * from './free-port.js';
export * from './real-servers.js';
export * from './dev-inbox-client.js';
export * from './gateway-client.js';
export * from './embedded-process.js';
export * from './test-database.js';
export * from './fake-unit-of-work.js';
export * from './tcp-proxy.js';
