/**
 * A text file written in pieces, waiting when the disk falls behind so a large export never piles
 * up in memory.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

export class TextOutput {
  private readonly stream: fs.WriteStream;
  private failure: Error | null = null;

  constructor(path: string) {
    this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
    // Kept and thrown by the next write or close, rather than crashing the process unheard.
    this.stream.on('error', (error) => (this.failure = error));
  }

  async write(text: string): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    if (this.failure !== null) throw this.failure;
  }
}
