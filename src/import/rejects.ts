/**
 * The rejects file of an import: one CSV row per line that did not import, with its line number in
 * the input, the reason and the line's text, so the analyst can fix the input and run again.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/** The columns of a rejects file, in order. */
export const REJECT_COLUMNS = ['line', 'reason', 'text'] as const;

export class RejectsFile {
  /** Lines written so far. */
  count = 0;
  private readonly out: fs.WriteStream;
  private readonly csv = stringify({ header: true, columns: [...REJECT_COLUMNS] });

  /** Creates (or empties) `path`; the header is written even when nothing is rejected. */
  constructor(readonly path: string) {
    this.out = fs.createWriteStream(path);
    this.csv.pipe(this.out);
  }

  add(line: number, reason: string, text: string): void {
    this.count += 1;
    this.csv.write([line, reason, text]);
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    this.csv.end();
    await finished(this.out);
  }
}
