# syntax=docker/dockerfile:1
# Otklik: the GraphQL API and the built dashboard in one image; `node server/dist/main.js` serves both.
#   docker build -t otklik:0.1.0 .
# How to run it (environment, compose, Kubernetes): ops/README.md.

ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# pnpm as CI uses it, and the workspace manifests only, so dependency layers are reused until one changes.
FROM ${NODE_IMAGE} AS workspace
ARG PNPM_VERSION=12.4.2
RUN npm install --global --prefix /usr/local pnpm@${PNPM_VERSION} && pnpm --version
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY server/package.json server/
COPY web/package.json web/
COPY tests/package.json tests/
COPY bench/package.json bench/

# Compiles the API (tsc) and the dashboard (Vite).
FROM workspace AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

# The API's runtime dependencies alone: no TypeScript, Vite, test or bench packages.
FROM workspace AS prod-deps
RUN pnpm install --frozen-lockfile --prod --filter @otklik/server

FROM ${NODE_IMAGE} AS runtime
# The heap is capped so the API stays near 250 MB under load (measured by `pnpm bench api`); a young
# generation of 16 MB keeps short-lived request garbage out of the capped old generation.
ENV NODE_ENV=production \
    PORT=4000 \
    NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=16"
WORKDIR /app
# The layout of the repository, which the server relies on: seeds/ and web/dist/ beside server/.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/server/node_modules ./server/node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/server/package.json ./server/
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/seeds ./seeds
# The image's unprivileged "node" user, by number so that Kubernetes can check runAsNonRoot. The files
# above stay root's and read-only to it; the server writes nothing to disk in production.
USER 1000:1000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Tracing is loaded first so it can hook the modules it instruments; it is inert without OTEL_* variables.
CMD ["node", "--import", "./server/dist/tracing.js", "server/dist/main.js"]
