# syntax=docker/dockerfile:1
# Production image of the Prague grants API (also used by the one-shot
# `migrate` service of docker-compose.yml).
#
#   docker build -t prague-grants .
#
# Stages: deps (all dependencies) -> build (tsc to dist/) -> runtime
# (production dependencies + dist/, runs as the unprivileged `node` user).
#
# Node 24 LTS (Node 20 reached its end of life in April 2026). No install-time
# analytics: swagger-ui-dist's @scarf/scarf postinstall honours
# SCARF_ANALYTICS=false (package.json's scarfSettings.enabled=false says the same).

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# Compiled app, migrations (dist/migrations) and the data source for the
# TypeORM CLI; create-database.js for the migrate service.
COPY --from=build /app/dist ./dist
# Letter wording and the embedded Czech font (read by the worker at start).
COPY templates ./templates
COPY scripts/create-database.js ./scripts/create-database.js
# Everything above stays owned by root: the app cannot modify its own code.
USER node
EXPOSE 3000
# The API; the letters worker runs from the same image with
#   node --max-old-space-size=192 dist/apps/worker/src/main.js
CMD ["node", "--max-old-space-size=256", "dist/apps/api/src/main.js"]
