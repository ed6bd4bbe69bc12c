import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, ConfigError, PROJECT_ROOT, readConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('defaults to the local Neo4j and port 4000 when nothing is set', () => {
    const config = readConfig({});
    expect(config.neo4jUri).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.localNeo4jPort).toBe(7687);
    expect(config.loadDataset).toBe('if-empty');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every bad variable at once, each by name', () => {
    let error: unknown;
    try {
      readConfig({
        PORT: 'eighty',
        NEO4J_URI: 'http://db:7474',
        LOAD_DATASET: 'sometimes',
        GRAPHQL_PLAYGROUND: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT=eighty',
      'NEO4J_URI=http://db:7474',
      'LOAD_DATASET=sometimes',
      'GRAPHQL_PLAYGROUND=maybe',
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('NEO4J_PASSWORD is required');
  });

  it('accepts bolt and neo4j routing URIs, with TLS variants', () => {
    for (const uri of [
      'bolt://db:7687',
      'neo4j://cluster.example:7687',
      'neo4j+s://x.databases.example',
      'bolt+ssc://h:1',
    ]) {
      expect(readConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret-pass' }).neo4jUri).toBe(uri);
    }
  });

  it('shows unexpected errors in full only when GRAPHQL_DEBUG_ERRORS asks, and never in production', () => {
    expect(readConfig({}).debugErrors).toBe(false);
    expect(readConfig({ GRAPHQL_DEBUG_ERRORS: 'true' }).debugErrors).toBe(true);
    expect(() => readConfig({ GRAPHQL_DEBUG_ERRORS: 'true', NODE_ENV: 'production' })).toThrow(
      /GRAPHQL_DEBUG_ERRORS=true .* refused with NODE_ENV=production/,
    );
  });

  it('rejects a port out of range', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT=70000 must be a whole number from 0 to 65535/);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      {
        environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>;
        healthcheck?: unknown;
        image?: string;
      }
    >;
  };

  it('gives the API only variables the server reads', () => {
    const names = Object.keys(compose.services['api']?.environment ?? {});
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(CONFIG_VARIABLES).toContain(name);
  });

  it('the server reads the variables the README documents', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(readme).toContain(name);
  });

  it('runs Neo4j 5.26 community with a health check that the API waits for', () => {
    expect(compose.services['neo4j']?.image).toMatch(/^neo4j:5\.26.*community/);
    expect(compose.services['neo4j']?.healthcheck).toBeDefined();
    expect(compose.services['api']?.depends_on?.['neo4j']?.condition).toBe('service_healthy');
  });
});
