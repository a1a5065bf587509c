# Production image: builds the workspace, then runs the built server.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npx -y pnpm@10.34.9 install --frozen-lockfile \
  && npx -y pnpm@10.34.9 exec tsc -b \
  && npx -y pnpm@10.34.9 --filter @coproduce/client run build \
  && npx -y pnpm@10.34.9 --filter @coproduce/server deploy --prod --legacy /deploy \
  && cp -r client/dist /deploy/client-dist

FROM node:20-bookworm-slim
WORKDIR /app
# HOST: the server listens on 127.0.0.1 unless told otherwise, which a
# container's published port cannot reach. DATA_DIR: the embedded store (used
# when MONGODB_URI is not set) needs a directory the node user may write.
# SEED_DEMO: no demo accounts on an image that listens on every interface; the
# first start prints a set-up code instead. To have the demo, run with
# SEED_DEMO=true and DEMO_PASSWORD set to a password of your own (without one the
# app refuses to start there, as the published demo password would let anyone in).
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/app/data SEED_DEMO=false
COPY --from=build /deploy /app/server
COPY --from=build /deploy/client-dist /app/client/dist
RUN mkdir -p /app/data && chown node:node /app/data && chmod 0700 /app/data
VOLUME /app/data
USER node
EXPOSE 3000
CMD ["node", "server/dist/main.js"]
