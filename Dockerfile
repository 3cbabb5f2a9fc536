# syntax=docker/dockerfile:1
# Production image of the app: built in one stage, shipped in another without sources, dev
# dependencies or build tools, run as the unprivileged `node` user. See README "Production".
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The React Router server and client builds, the start script bundled with esbuild, then the dev
# dependencies removed from node_modules before it is copied into the final image.
RUN npm run build \
  && npm run build:start \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
# Nothing is written here with DATABASE_URL set (sessions live in the database); the folder exists so
# that a PGlite trial run of the image has somewhere to go.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Liveness only: /healthz never asks the database, so a database outage does not restart the app.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrates (under an advisory lock, so replicas may start together), then serves. SIGTERM closes cleanly.
CMD ["node", "build/start/start.js"]
