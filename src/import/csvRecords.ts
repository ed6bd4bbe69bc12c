/**
 * Streams the rows of a CSV file with their line numbers, never holding the file: csv-parse reads
 * it chunk by chunk and pauses while the consumer (one batch write at a time) catches up.
 *
 * Rows csv-parse cannot read (broken quoting, a wrong number of fields) come out as problems
 * instead of stopping the file. An unclosed quote swallows the lines after it until the next
 * quote character closes it: each swallowed line is reported on its own, so the rejects file
 * names every line that did not import.
 */
import fs from 'node:fs';
import { parse, type CsvError, type InfoRecord } from 'csv-parse';
import { ImportFileError } from './events.js';

/** A readable row, by column name. */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
  /** The row's text as in the file, for the rejects file. */
  text: string;
}

/** Lines csv-parse could not read as a row. */
export interface CsvProblem {
  line: number;
  reason: string;
  /** The text of the line, as far as it was read. */
  raw: string;
}

export type CsvItem = CsvRow | CsvProblem;

/** A quoted field longer than this is taken for a quote that never closes, not for data. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Turns csv-parse's line counts into physical line numbers. csv-parse reports the line a record
 * ends on, counts a CR LF inside a quoted field as two lines (and keeps that offset for the rest
 * of the file), and may keep skipped blank lines at the start of a broken record's text. This
 * undoes all three; it must see every record and broken record in file order.
 */
function physicalLines(): (endLine: number, raw: string) => { first: number; lines: string[] } {
  let drift = 0;
  return (endLine, raw) => {
    const body = raw.replace(/(?:\r\n|\r|\n)$/, '');
    const counted = body.length - body.replace(/[\r\n]/g, '').length;
    const lines = body.split(LINE_BREAK);
    let first = endLine - counted - drift;
    drift += counted - (lines.length - 1);
    while (lines.length > 1 && lines[0] === '') {
      lines.shift();
      first++;
    }
    return { first, lines };
  };
}

function problemReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'broken quoting: a stray quote inside a quoted field (a quote in a field must be doubled)';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'broken quoting: a quote opened on this line is never closed';
    case 'INVALID_OPENING_QUOTE':
      return 'broken quoting: a quote inside an unquoted field';
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const [, expected, found] = /length is (\d+), got (\d+)/.exec(error.message) ?? [];
      return expected === undefined
        ? `wrong number of fields: ${error.message}`
        : `wrong number of fields: ${found} instead of ${expected}`;
    }
    default:
      return error.message;
  }
}

/**
 * Reads `file` as CSV with a header row and yields its rows and problem lines in file order.
 * `onHeader` sees the column names first and may throw (e.g. ImportFileError for missing
 * columns). `onBytes` is told how many bytes have been read, for progress and ETA.
 * @throws ImportFileError when the file cannot be opened or a quoted field runs past 4 MB.
 */
export async function* readCsv(
  file: string,
  onHeader: (columns: string[]) => void,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<CsvItem> {
  if (!fs.existsSync(file)) throw new ImportFileError(`No such file: ${file}`);
  const lineOf = physicalLines();
  const problems: CsvProblem[] = [];
  let lastProblemLine = 0;
  // In an object: set from the 'skip' listener, which the compiler's narrowing cannot see.
  const failure: { fatal: ImportFileError | null } = { fatal: null };
  const input = fs.createReadStream(file);
  const parser = input.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const columns = header.map((name) => name.trim());
        onHeader(columns);
        return columns;
      },
      info: true,
      raw: true,
      skip_empty_lines: true,
      // Every line ending, not the first one seen: a file whose endings change midway (LF rows,
      // then CRLF rows) would otherwise keep a \r in its last fields and shift the line numbers.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
      // Runs in file order with the 'skip' events below, which the line count depends on.
      on_record: ({ record, info }: { record: Record<string, string>; info: InfoRecord }) => ({
        line: lineOf(info.lines, info.raw ?? '').first,
        record,
        text: (info.raw ?? '').replace(/(?:\r\n|\r|\n)$/, ''),
        bytes: info.bytes,
      }),
    }),
  );
  // pipe() does not pass a read error on; without this the rows would just stop coming.
  input.on('error', (error) => parser.destroy(error));
  parser.on('skip', (error: CsvError) => {
    const { first, lines } = lineOf(Number(error.lines), typeof error.raw === 'string' ? error.raw : '');
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      // After this csv-parse stays inside the runaway quote: going on would drop the rest silently.
      failure.fatal = new ImportFileError(
        `Line ${first}: a quoted field runs past ${MAX_RECORD_BYTES / 1024 / 1024} MB, so a quote is never ` +
          'closed. Fix the line and run again; batches already written stay and are not written twice.',
      );
      parser.destroy(failure.fatal);
      return;
    }
    // One broken record can raise several errors; the first names it.
    if (first <= lastProblemLine) return;
    const last = first + lines.length - 1;
    lines.forEach((raw, index) =>
      problems.push({
        line: first + index,
        reason:
          index === 0
            ? problemReason(error)
            : `broken quoting: inside the quote opened on line ${first} that does not close before line ${last}`,
        raw,
      }),
    );
    lastProblemLine = last;
  });
  try {
    for await (const item of parser as AsyncIterable<CsvRow & { bytes: number }>) {
      while (problems.length > 0 && (problems[0]?.line ?? Infinity) < item.line) yield problems.shift() as CsvProblem;
      onBytes(item.bytes);
      yield { line: item.line, record: item.record, text: item.text };
    }
  } catch (error) {
    if (failure.fatal !== null) throw failure.fatal;
    throw error;
  }
  if (failure.fatal !== null) throw failure.fatal;
  yield* problems;
}
