/**
 * The rejects file of an import: one CSV row per line that did not import, with its line number in
 * the input, the reason and the line's text, so the analyst can fix the input and run again.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';

export class RejectsFile {
  /** Lines written so far. */
  count = 0;
  private file: { out: fs.WriteStream; csv: Stringifier } | null = null;

  /** `path` is created (or emptied) on the first reject, or on close: an import that ran lists its rejects even when there are none. */
  constructor(readonly path: string) {}

  private opened(): Stringifier {
    if (this.file === null) {
      const out = fs.createWriteStream(this.path);
      const csv = stringify({ header: true, columns: ['line', 'reason', 'text'] });
      csv.pipe(out);
      this.file = { out, csv };
    }
    return this.file.csv;
  }

  add(line: number, reason: string, text: string): void {
    this.count += 1;
    this.opened().write([line, reason, text]);
  }

  /** Writes (at least the header), flushes and closes the file. */
  async close(): Promise<void> {
    this.opened().end();
    if (this.file !== null) await finished(this.file.out);
  }
}
