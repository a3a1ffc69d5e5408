# syntax=docker/dockerfile:1
# Production image of the project service.
# Build from the repository root: docker build -f deploy/docker/project-service.Dockerfile -t msp/project-service:0.1.0 .
# (project-service.Dockerfile.dockerignore beside this file limits the context to what the image needs.)
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Every workspace manifest and the lockfile: `npm ci` refuses a lockfile that does not match them all,
# and the install then takes only what @msp/project-service needs. Cached until a manifest changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.base.json ./
COPY packages/api-client/package.json packages/api-client/
COPY packages/contracts/package.json packages/contracts/
COPY packages/events/package.json packages/events/
COPY packages/platform/package.json packages/platform/
COPY packages/testing/package.json packages/testing/
COPY dev/payment-sandbox/package.json dev/payment-sandbox/
COPY dev/smtp-inbox/package.json dev/smtp-inbox/
COPY apps/auth-service/package.json apps/auth-service/
COPY apps/comms-service/package.json apps/comms-service/
COPY apps/embedded/package.json apps/embedded/
COPY apps/gateway/package.json apps/gateway/
COPY apps/mobile/package.json apps/mobile/
COPY apps/project-service/package.json apps/project-service/
COPY apps/user-service/package.json apps/user-service/
COPY apps/web/package.json apps/web/

# Compiles @msp/project-service and the workspaces it imports (tsc -b follows the project references).
FROM manifests AS build
RUN npm ci --workspace=@msp/project-service --include-workspace-root --ignore-scripts --no-audit --no-fund
COPY packages/contracts packages/contracts
COPY packages/events packages/events
COPY packages/platform packages/platform
COPY apps/project-service apps/project-service
RUN node node_modules/typescript/bin/tsc -b apps/project-service

# Production dependencies only, for the same workspace.
FROM manifests AS prod-deps
RUN npm ci --workspace=@msp/project-service --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    GRPC_HOST=0.0.0.0 \
    PROJECT_GRPC_PORT=50053 \
    OPS_PORT=9053
WORKDIR /app
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/package.json package.json
COPY --from=build /app/packages/contracts/package.json packages/contracts/
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/packages/events/package.json packages/events/
COPY --from=build /app/packages/events/dist packages/events/dist
COPY --from=build /app/packages/platform/package.json packages/platform/
COPY --from=build /app/packages/platform/dist packages/platform/dist
COPY --from=build /app/apps/project-service/package.json apps/project-service/
COPY --from=build /app/apps/project-service/dist apps/project-service/dist
COPY --from=build /app/apps/project-service/src/db/migrations apps/project-service/src/db/migrations
# Files stay root-owned and read-only; the process runs as the image's unprivileged `node` user
# (numeric, so Kubernetes can verify runAsNonRoot).
USER 1000:1000
EXPOSE 50053 9053
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.OPS_PORT + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/project-service/dist/main.js"]
