#!/usr/bin/env node
// Writes the gateway's OpenAPI document (built from the same endpoint declarations that route and
// validate requests) to packages/api-client/openapi.json and generates the client's TypeScript
// types from it. Needs the gateway built (npm run build).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url);
const { gatewayOpenApiDocument } = await import(new URL('apps/gateway/dist/index.js', root).href);
const document = gatewayOpenApiDocument();
const documentPath = fileURLToPath(new URL('packages/api-client/openapi.json', root));
writeFileSync(documentPath, `${JSON.stringify(document, null, 2)}\n`);

const ast = await openapiTS(document, { exportType: true, alphabetize: true });
const header = "// Generated from the gateway's OpenAPI document by scripts/generate-api-client.mjs. Do not edit.\n";
writeFileSync(fileURLToPath(new URL('packages/api-client/src/schema.ts', root)), `${header}${astToString(ast)}`);
console.log('api-client: openapi.json and src/schema.ts written');
