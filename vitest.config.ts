import { defineConfig } from 'vitest/config';

/**
 * Three lanes. Unit tests need no database. Integration tests (API, curation, security) share
 * one real Neo4j with the founding dataset loaded; the import/export lane gets its own Neo4j,
 * because imports add to the graph and the round trip empties it. Each Neo4j is started once per
 * run on a free port with a temporary store, and always stopped. Files within a lane run one
 * after another, since some compare whole-graph counts.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/neo4jSetup.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'import-export',
          include: ['tests/import-export/**/*.test.ts'],
          globalSetup: ['tests/helpers/neo4jSetup.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // Real processes (server, CLI, Neo4j) killed and restarted; each test has its own store.
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
