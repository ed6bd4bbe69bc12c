/**
 * What the HTTP benchmarks share: a server started as a child process (so its CPU and memory are
 * its own), and a GraphQL POST over a keep-alive agent that reports time and any error code.
 */
import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../src/config.js';

/** Starts `script` (a TypeScript file, through tsx) and resolves once it prints `readyText`. */
export function startChild(
  script: string,
  env: NodeJS.ProcessEnv,
  label: string,
  readyText = 'Ready in',
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(PROJECT_ROOT, script)], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk.toString()}`));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`${label} was not ready within 120 s:\n${output}`)), 120_000).unref();
  });
}

export interface Answer {
  ms: number;
  /** null when the answer is HTTP 200 without errors; else the HTTP status or the first error code. */
  error: string | null;
  text: string;
}

export function post(agent: http.Agent, port: number, body: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const code = /"errors":\[.*?"code":"(\w+)"/s.exec(text)?.[1];
          const error =
            response.statusCode !== 200
              ? `HTTP ${response.statusCode}`
              : text.includes('"errors":[')
                ? (code ?? 'no code')
                : null;
          resolve({ ms: performance.now() - started, error, text });
        });
      },
    );
    request.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ ms: performance.now() - started, error: e.code ?? e.message, text: '' }),
    );
    request.end(body);
  });
}
