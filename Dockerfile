# syntax=docker/dockerfile:1
# Närvaroteam API. Build: docker build -t narvaroteam-api .
# The image runs with NODE_ENV=production, which requires DATABASE_URL (the embedded PostgreSQL
# is for development; the runtime role) and JWT_SECRET (at least 32 characters), and never seeds
# the demo data. Set DATABASE_MIGRATION_URL too (the owner of the tables; see README).
# Node must be >= 20.19 (require() of the ES-module-only NestJS 12 packages): node:20-bookworm-slim is.

# ---- build: all dependencies, compile TypeScript to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# swagger-ui-dist pulls in @scarf/scarf, whose install script phones home unless told not to.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY types ./types
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# ---- runtime: production dependencies and the compiled code only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    SCARF_ANALYTICS=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The web app, served by the API from the same origin.
COPY --from=build /app/apps/web/dist ./apps/web/dist
# The code is owned by root and read-only for the app. Only .data/ is writable: outside
# production, without JWT_SECRET, the generated signing key is kept in .data/jwt-secret.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/apps/api/src/main.js"]
