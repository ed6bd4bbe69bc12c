/**
 * The one module that runs Cypher. Reads go through read transactions and writes through write
 * transactions, so the same code runs against a cluster behind a routing (neo4j://) driver.
 * Driver errors become our error codes here and only here.
 *
 * Every session of an executor and of the executors derived from it (one per request) shares one
 * bookmark manager: a read waits until the cluster member answering it has applied every write
 * this process committed before, so on a `neo4j://` cluster a mutation and the reads after it
 * (in its own response or a later request) never see "written but not found".
 */
import neo4j, {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Session,
  type Transaction,
} from 'neo4j-driver';
import { userError } from '../errors.js';
import type { CypherQueries, QueryName } from './queries.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** One statement of a multi-statement write transaction. */
export interface WriteStep {
  query: QueryName;
  params: Params;
}

/** Runs a further statement inside an open write transaction; returns its rows. */
export type StepRunner = (query: QueryName, params: Params) => Promise<Row[]>;

export class Executor {
  /** Statements sent to Neo4j by this executor; per-request executors count a request's round trips. */
  queryCount = 0;

  /**
   * @param timeoutMs each transaction is stopped by Neo4j after this long (REQUEST_TIMEOUT_MS);
   *   undefined leaves the server's default, for long loads and imports.
   * @param bookmarks causal chaining of reads after writes; default a new manager for this executor
   *   and those derived from it.
   */
  constructor(
    private readonly driver: Driver,
    private readonly queries: CypherQueries,
    private readonly database: string | undefined,
    private readonly timeoutMs?: number,
    private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager(),
  ) {}

  /** A fresh executor sharing the driver, with its own round-trip count (one per GraphQL request). */
  scoped(): Executor {
    return new Executor(this.driver, this.queries, this.database, this.timeoutMs, this.bookmarks);
  }

  /** The same, with every transaction limited to `timeoutMs` (the server's request timeout). */
  withTimeout(timeoutMs: number): Executor {
    return new Executor(this.driver, this.queries, this.database, timeoutMs, this.bookmarks);
  }

  private transactionConfig(label: string): { metadata: Record<string, string>; timeout?: number } {
    // Tagged so a DBA can tell our transactions apart in SHOW TRANSACTIONS.
    const metadata = { app: 'aleppo-actors-graph', query: label };
    return this.timeoutMs === undefined ? { metadata } : { metadata, timeout: this.timeoutMs };
  }

  /** The read transaction this executor's reads share while `shareReads` is on; opened on first use. */
  private shared: { session: Session; tx: Transaction } | null = null;
  private sharing = false;

  /**
   * From now until `release`, reads run in one read transaction instead of one each: a GraphQL
   * query of five statements then pays for one BEGIN and COMMIT, not five (a third of the time
   * per request, docs/benchmarks.md). Only for requests that write nothing, since a read in an
   * older transaction would not see a write made after it began. A failed statement ends the
   * sharing: it and every later read run in their own transaction again, with the driver's
   * retries, so an outage is answered as before.
   */
  shareReads(): void {
    this.sharing = true;
  }

  /** Ends the shared read transaction, if one was opened. Never throws: the reads are done. */
  async release(): Promise<void> {
    this.sharing = false;
    const shared = this.shared;
    this.shared = null;
    if (shared === null) return;
    try {
      await withoutCallerStack(() => shared.tx.commit());
    } catch {
      // A read-only transaction holds nothing worth reporting at its end.
    } finally {
      await shared.session.close().catch(() => undefined);
    }
  }

  private async readShared(query: QueryName, params: Params): Promise<Row[] | null> {
    if (this.shared === null) {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: 'READ',
        bookmarkManager: this.bookmarks,
      });
      this.shared = { session, tx: session.beginTransaction(this.transactionConfig('request reads')) };
    }
    try {
      this.queryCount += 1;
      return rowsOf(await runStatement(this.shared.tx, query, this.queries.text(query), params));
    } catch {
      await this.release();
      return null;
    }
  }

  /** Runs one read query in a read transaction. The row shape is the file's documented columns. */
  async read<T = Row>(query: QueryName, params: Params = {}): Promise<T[]> {
    if (this.sharing) {
      const rows = await this.readShared(query, params);
      if (rows !== null) return rows as T[];
    }
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: 'READ',
      bookmarkManager: this.bookmarks,
    });
    try {
      const result = await session.executeRead((tx) => this.run(tx, query, params), this.transactionConfig(query));
      return rowsOf(result) as T[];
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs one write query in its own write transaction. */
  async write<T = Row>(query: QueryName, params: Params = {}): Promise<T[]> {
    return this.writeTransaction(async (run) => (await run(query, params)) as T[]);
  }

  /**
   * Runs `work` in one write transaction: every statement it runs commits together or not at all.
   * `work` may be retried by the driver on transient errors, so it must not have side effects
   * outside the transaction.
   */
  async writeTransaction<T>(work: (run: StepRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: 'WRITE',
      bookmarkManager: this.bookmarks,
    });
    try {
      return await session.executeWrite(async (tx) => {
        // Sent with the first statement, not before it: the lock costs no round trip of its own.
        const lock = tx.run(this.queries.text('graph-write-lock'));
        const result = await work(async (query, params) => rowsOf(await this.run(tx, query, params)));
        await lock;
        return result;
      }, this.transactionConfig('write'));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` while holding the graph's write lock in an open write transaction (then rolled
   * back: it changes nothing): every write transaction of every process waits until it is done,
   * so the reads `work` makes through this executor see one unchanging graph.
   */
  async whileWritesWait<T>(work: () => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      const tx = session.beginTransaction(this.transactionConfig('hold-writes'));
      try {
        await tx.run(this.queries.text('graph-write-lock'));
        return await work();
      } finally {
        await tx.rollback();
      }
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * An executor whose transactions are the open write transaction of `run`: curation functions
   * called with it commit together with the caller's other steps, or not at all.
   */
  joining(run: StepRunner): Executor {
    return new JoinedExecutor(this.driver, this.queries, this.database, run);
  }

  private run(tx: ManagedTransaction, query: QueryName, params: Params): Promise<QueryResult> {
    this.queryCount += 1;
    return runStatement(tx, query, this.queries.text(query), params);
  }

  /**
   * Answers whether Neo4j accepts a connection now, within `timeoutMs`: one attempt, no retries
   * (a read transaction would retry for half a minute, too long for a health probe).
   */
  async ping(timeoutMs = 3_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.driver.verifyConnectivity({ database: this.database }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Applies constraint and index statements, each in its own write transaction (Neo4j's rule). */
  async applySchema(statements: readonly string[]): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      // Compiling each statement costs a cold server seconds at start: skip those already applied.
      const existing = new Set<string>();
      for (const show of ['SHOW INDEXES YIELD name', 'SHOW CONSTRAINTS YIELD name']) {
        const result = await session.executeRead((tx) => tx.run(show));
        for (const record of result.records) existing.add(record.get('name') as string);
      }
      const missing = statements.filter((s) => !existing.has(schemaObjectName(s) ?? ''));
      for (const statement of missing) await session.executeWrite((tx) => tx.run(statement));
      if (missing.length > 0) await session.run('CALL db.awaitIndexes(300)');
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs a query prefixed with EXPLAIN, for the test that checks every file compiles. */
  async explain(query: QueryName): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run(`EXPLAIN ${this.queries.text(query)}`);
    } finally {
      await session.close();
    }
  }
}

/** See Executor.joining: reads and writes go through the enclosing transaction. */
class JoinedExecutor extends Executor {
  constructor(
    driver: Driver,
    queries: CypherQueries,
    database: string | undefined,
    private readonly enclosing: StepRunner,
  ) {
    super(driver, queries, database);
  }

  override async read<T = Row>(query: QueryName, params: Params = {}): Promise<T[]> {
    return (await this.enclosing(query, params)) as T[];
  }

  override writeTransaction<T>(work: (run: StepRunner) => Promise<T>): Promise<T> {
    return work(this.enclosing);
  }
}

/** The name a `CREATE CONSTRAINT|INDEX <name> IF NOT EXISTS` statement gives its object. */
function schemaObjectName(statement: string): string | undefined {
  return /^CREATE\s+(?:\w+\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/i.exec(statement)?.[1];
}

/**
 * Calls the driver without the caller's stack: the driver formats it for every statement and commit,
 * to put it on an error that may never come, and formatting a deep stack through tsx's source maps
 * took 68 µs a time, a sixth of a card request's throughput (docs/benchmarks.md). A failed
 * statement's error names its file instead.
 */
function withoutCallerStack<T>(call: () => T): T {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return call();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Runs one statement of a cypher/ file. */
async function runStatement(
  tx: Pick<ManagedTransaction, 'run'>,
  query: QueryName,
  text: string,
  params: Params,
): Promise<QueryResult> {
  const result = withoutCallerStack(() => tx.run(text, params));
  try {
    return await result;
  } catch (error) {
    if (error instanceof Error) error.stack = `${error.name}: ${error.message}\n    in cypher/${query}.cypher`;
    throw error;
  }
}

function rowsOf(result: QueryResult): Row[] {
  return result.records.map((record) => record.toObject());
}

/** Turns driver failures users can act on into coded errors; anything else stays internal. */
export function mapDriverError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return userError('DATABASE_UNAVAILABLE', 'The graph database is not reachable right now; try again shortly.');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return userError('CONFLICT', 'The change conflicts with an existing entity (an id is already taken).');
  }
  if (
    code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return userError('TIMEOUT', 'The query took too long and was stopped.');
  }
  // A read holding too much at once (a page of every engagement at 1M did, before it walked the
  // start index): what the asker can change is the request, so it is theirs to narrow.
  if (
    code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' ||
    code === 'Neo.TransientError.General.TransactionOutOfMemoryError'
  ) {
    return userError(
      'QUERY_TOO_COMPLEX',
      "The query needs more of the database's memory than a request may use; narrow its filters or ask for less.",
    );
  }
  return error;
}
