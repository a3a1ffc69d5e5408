# syntax=docker/dockerfile:1
# Production image of the development payment sandbox (a stand-in for the Payment Gateway; never production).
# Build from the repository root: docker build -f deploy/docker/payment-sandbox.Dockerfile -t msp/payment-sandbox:0.1.0 .
# (payment-sandbox.Dockerfile.dockerignore beside this file limits the context to what the image needs.)
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Every workspace manifest and the lockfile: `npm ci` refuses a lockfile that does not match them all,
# and the install then takes only what @msp/payment-sandbox needs. Cached until a manifest changes.
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

# Compiles @msp/payment-sandbox and the workspaces it imports (tsc -b follows the project references).
FROM manifests AS build
RUN npm ci --workspace=@msp/payment-sandbox --include-workspace-root --ignore-scripts --no-audit --no-fund
COPY dev/payment-sandbox dev/payment-sandbox
RUN node node_modules/typescript/bin/tsc -b dev/payment-sandbox

# Production dependencies only, for the same workspace.
FROM manifests AS prod-deps
RUN npm ci --workspace=@msp/payment-sandbox --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PAYMENT_SANDBOX_HOST=0.0.0.0 \
    PAYMENT_SANDBOX_PORT=12111
WORKDIR /app
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/package.json package.json
COPY --from=build /app/dev/payment-sandbox/package.json dev/payment-sandbox/
COPY --from=build /app/dev/payment-sandbox/dist dev/payment-sandbox/dist
# Files stay root-owned and read-only; the process runs as the image's unprivileged `node` user
# (numeric, so Kubernetes can verify runAsNonRoot).
USER 1000:1000
EXPOSE 12111
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PAYMENT_SANDBOX_PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dev/payment-sandbox/dist/main.js"]
