#!/usr/bin/env node
// Fetches the Neo4j Community jars for the local launcher, once (npm's postinstall runs this).
// Skipped when they are already there for the pinned version, when NEO4J_URI points at an
// existing Neo4j, or with SKIP_NEO4J_INSTALL=1. Without Maven it explains the alternatives and
// lets `npm install` finish, since the server can still use NEO4J_URI or docker compose.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const launcher = fileURLToPath(new URL('../neo4j-launcher/', import.meta.url));
const pom = fs.readFileSync(path.join(launcher, 'pom.xml'), 'utf8');
const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
const source = path.join(launcher, 'src/main/java/org/aleppoactors/launcher/LocalNeo4j.java');
const compiled = path.join(launcher, 'target/classes/org/aleppoactors/launcher/LocalNeo4j.class');
const installed =
  fs.existsSync(path.join(launcher, 'target/lib', `neo4j-${version}.jar`)) &&
  fs.existsSync(compiled) &&
  fs.statSync(compiled).mtimeMs >= fs.statSync(source).mtimeMs;
const say = (line) => console.log(`[neo4j:install] ${line}`);

if (process.env.SKIP_NEO4J_INSTALL === '1' || (process.env.NEO4J_URI ?? '') !== '') {
  say('skipped (NEO4J_URI or SKIP_NEO4J_INSTALL is set).');
} else if (installed && !process.argv.includes('--force')) {
  say(`Neo4j ${version} jars already installed.`);
} else if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error) {
  say('Maven (mvn) was not found, so the local Neo4j cannot be installed.');
  say(
    'Install Java 17+ and Maven and run `npm run neo4j:install`, or set NEO4J_URI to an existing Neo4j 5, or run `docker compose up`.',
  );
} else {
  say(`fetching Neo4j ${version} with Maven (once; about 125 MB) ...`);
  const result = spawnSync('mvn', ['-q', '-B', '-f', path.join(launcher, 'pom.xml'), 'package'], { stdio: 'inherit' });
  if (result.status !== 0) {
    say('Maven failed; see its output above.');
    process.exit(result.status ?? 1);
  }
  say(`Neo4j ${version} installed in neo4j-launcher/target.`);
}
