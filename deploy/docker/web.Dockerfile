# syntax=docker/dockerfile:1
# Production image of the Next.js web app (its server calls the gateway at GATEWAY_URL).
# Build from the repository root: docker build -f deploy/docker/web.Dockerfile -t msp/web:0.1.0 .
# (web.Dockerfile.dockerignore beside this file limits the context to what the image needs.)
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Every workspace manifest and the lockfile: `npm ci` refuses a lockfile that does not match them all,
# and the install then takes only what @msp/web needs. Cached until a manifest changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
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

# The typed API client (tsc) and then the Next.js production build.
FROM manifests AS build
RUN npm ci --workspace=@msp/web --include-workspace-root --ignore-scripts --no-audit --no-fund
COPY packages/api-client packages/api-client
COPY apps/web apps/web
RUN node node_modules/typescript/bin/tsc -b packages/api-client \
    && cd apps/web && node ../../node_modules/next/dist/bin/next build \
    && rm -rf .next/cache

# Production dependencies only, for the same workspace.
FROM manifests AS prod-deps
RUN npm ci --workspace=@msp/web --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/package.json package.json
COPY --from=build /app/packages/api-client/package.json packages/api-client/
COPY --from=build /app/packages/api-client/dist packages/api-client/dist
COPY --from=build /app/apps/web/package.json /app/apps/web/next.config.ts /app/apps/web/tsconfig.json apps/web/
# The build without its cache. .next/cache is the one place Next.js writes at run time: a volume where
# the root filesystem is read-only, else this directory, owned by the runtime user.
COPY --from=build /app/apps/web/.next apps/web/.next
RUN mkdir apps/web/.next/cache && chown 1000:1000 apps/web/.next/cache
WORKDIR /app/apps/web
# Files stay root-owned and read-only; the process runs as the image's unprivileged `node` user
# (numeric, so Kubernetes can verify runAsNonRoot).
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "../../node_modules/next/dist/bin/next", "start", "-H", "0.0.0.0"]
