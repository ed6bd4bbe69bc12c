/**
 * API benchmark (not a test): runs every playground example and a wide query through the real
 * app against a real Neo4j holding the founding dataset, and prints latency percentiles and the
 * database round trips per request.
 *
 *   npm run bench                   # starts a throwaway local Neo4j on a free port
 *   NEO4J_URI=... npm run bench     # or uses yours (the dataset is loaded if the graph is empty)
 *   npm run bench -- --iterations 500
 */
import { CypherQueries } from '../src/db/queries.js';
import { createApp } from '../src/server/app.js';
import { exampleQueries } from '../src/server/playground.js';
import { benchDatabase, CountingExecutor, percentile } from './support.js';

const flag = process.argv.indexOf('--iterations');
const iterations = flag === -1 ? 200 : Number(process.argv[flag + 1]);
if (!Number.isInteger(iterations) || iterations < 1) throw new Error('--iterations takes a positive whole number');

async function main(): Promise<void> {
  const { env, database, close } = await benchDatabase('bench');
  try {
    const counting = new CountingExecutor(database.driver, CypherQueries.load(), env.neo4jDatabase);
    const app = createApp(counting, { ...env, limits: { ...env.limits, ratePerMinute: 0 } });
    const cases = [
      ...exampleQueries().map((e) => ({ name: e.file.replace(/\.graphql$/, ''), query: e.query })),
      {
        name: 'wide-50-engagements',
        query: `{ engagements(first: 50) { edges { node { title places { name partOf { name } }
          participants { actor { name aliases lineage { kind } } } citations { quote source { title } } } } } }`,
      },
    ];
    console.log(`${iterations} iterations per query, after 20 warm-up runs; Neo4j ${database.target.uri}`);
    console.log(
      'query'.padEnd(40),
      'p50 ms'.padStart(8),
      'p95 ms'.padStart(8),
      'max ms'.padStart(8),
      'round trips'.padStart(12),
    );
    for (const { name, query } of cases) {
      const run = async () => {
        const response = await app.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      };
      for (let i = 0; i < 20; i += 1) await run();
      counting.queryCount = 0;
      const times: number[] = [];
      for (let i = 0; i < iterations; i += 1) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(
        name.padEnd(40),
        percentile(times, 50).toFixed(1).padStart(8),
        percentile(times, 95).toFixed(1).padStart(8),
        (times.at(-1) ?? NaN).toFixed(1).padStart(8),
        (counting.queryCount / iterations).toFixed(1).padStart(12),
      );
    }
    console.log(`peak RSS of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await close();
  }
}

await main();
