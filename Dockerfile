# somebot in a container: one server with the Slack and Teams endpoints, /healthz, /readyz and /metrics.
# An example (see README, "Deployment"): build with `docker build -t somebot .`.
# Node.js: 22 LTS (supported and used here); 20 still works (package.json engines) but reached end of life.
# Production needs SOMEBOT_DATA_KEY (or SOMEBOT_DATA_KEY_FILE, a mounted secret outside /data) and should set
# SOMEBOT_METRICS_TOKEN.
# Inside a container HOST is 0.0.0.0, so the web chat (no login) stays off unless SOMEBOT_WEB_CHAT=any-host
# is set and the port is published on the host's loopback only (-p 127.0.0.1:3978:3978).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The PGlite template (dist/pglite-template): a new data directory is copied from it instead of running initdb.
RUN npx tsc -p tsconfig.build.json && node dist/storage/makePgliteTemplate.js && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    SOMEBOT_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
# src/ is needed at run time too: the web chat's page files are read from src/adapters/web.
COPY src ./src
COPY content ./content
COPY locales ./locales
COPY --from=build /app/dist ./dist
# bin/somebot.js only runs dist/ (built in the first stage); nothing is compiled at start-up.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3978
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM stops it gracefully: no new requests, requests in flight finish, the relay stops cleanly.
STOPSIGNAL SIGTERM
CMD ["node", "bin/somebot.js", "start"]
