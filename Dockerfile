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
ENV NODE_ENV=production
COPY --from=build /deploy /app/server
COPY --from=build /deploy/client-dist /app/client/dist
USER node
EXPOSE 3000
CMD ["node", "server/dist/main.js"]
