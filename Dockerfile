# The API image for docker-compose.yml. Neo4j runs in its own container, so the local Neo4j
# launcher is not installed here (SKIP_NEO4J_INSTALL). The explorer is built with the dev
# dependencies, which are then pruned.
FROM node:20-bookworm-slim
WORKDIR /app
ENV SKIP_NEO4J_INSTALL=1
COPY package.json package-lock.json ./
COPY scripts/install-neo4j.mjs scripts/build-explorer.mjs scripts/
COPY neo4j-launcher/pom.xml neo4j-launcher/pom.xml
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run explorer:build && npm prune --omit=dev --no-audit --no-fund
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/server/main.ts"]
