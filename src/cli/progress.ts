/**
 * Progress bars for the CLI's long work (cli-progress, on stderr so stdout keeps the summary).
 * On a terminal the bar redraws in place; in a log (no TTY) a line is printed every few seconds.
 */
import { SingleBar } from 'cli-progress';

/** A bar over `total` units of work, showing items done and items per second. */
export interface ProgressBar {
  /** `value` of `total` done; `items` counted so far (rows, nodes, ...). */
  update(value: number, items: number, extra?: string): void;
  /** Changes the total, when it becomes known after the start. */
  setTotal(total: number): void;
  stop(): void;
}

/** "45s", "12m05s", "1h02m". */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * Starts a bar: "label [====----] 42% | 12,000 rows | 3,100 rows/s | ETA 9s". The ETA comes from
 * `value` against `total` (bytes of a file, or nodes of a graph) over the whole run so far, not
 * cli-progress's recent-updates window: reading runs ahead in bursts while batches are written,
 * and a window of a burst would promise far too early an end.
 */
export function progressBar(label: string, initialTotal: number, unit: string): ProgressBar {
  let total = Math.max(initialTotal, 1);
  const started = performance.now();
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {items} ${unit} | {rate} ${unit}/s | ETA {remaining}{extra}`,
    barsize: 30,
    fps: 5,
    hideCursor: null,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  bar.start(total, 0, { items: '0', rate: '0', remaining: '?', extra: '' });
  return {
    update(value, items, extra = '') {
      const seconds = (performance.now() - started) / 1000;
      const done = Math.min(value, total);
      bar.update(done, {
        items: items.toLocaleString('en'),
        rate: seconds > 0 ? Math.round(items / seconds).toLocaleString('en') : '0',
        remaining: done > 0 ? duration((seconds * (total - done)) / done) : '?',
        extra: extra === '' ? '' : ` | ${extra}`,
      });
    },
    setTotal(newTotal) {
      if (Math.max(newTotal, 1) === total) return;
      total = Math.max(newTotal, 1);
      bar.setTotal(total);
    },
    stop() {
      bar.stop();
    },
  };
}
