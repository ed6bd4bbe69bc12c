# The API image for docker-compose.yml. Neo4j runs in its own container, so the local Neo4j
# launcher is not installed here (SKIP_NEO4J_INSTALL).
FROM node:20-bookworm-slim
WORKDIR /app
ENV SKIP_NEO4J_INSTALL=1
COPY package.json package-lock.json ./
COPY scripts/install-neo4j.mjs scripts/install-neo4j.mjs
COPY neo4j-launcher/pom.xml neo4j-launcher/pom.xml
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/server/main.ts"]
