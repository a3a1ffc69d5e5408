export { loadGatewayConfig, type GatewayConfig } from './config.js';
export { startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';
export type { GatewayClients, HealthProbe } from './grpc/grpc-clients.module.js';
export { gatewayOpenApiDocument } from './gateway.module.js';
export type { OpenApiDocument } from './openapi/openapi-document.js';
