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

/**
 * Starts a bar: "label [====----] 42% | 12,000 rows | 3,100 rows/s | ETA 9s". The ETA comes from
 * `value` against `total` (bytes of a file, or nodes of a graph), the rate from `items`.
 */
export function progressBar(label: string, initialTotal: number, unit: string): ProgressBar {
  let total = Math.max(initialTotal, 1);
  const started = performance.now();
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {items} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}{extra}`,
    barsize: 30,
    etaBuffer: 50,
    fps: 5,
    hideCursor: null,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  bar.start(total, 0, { items: '0', rate: '0', extra: '' });
  return {
    update(value, items, extra = '') {
      const seconds = (performance.now() - started) / 1000;
      bar.update(Math.min(value, total), {
        items: items.toLocaleString('en'),
        rate: seconds > 0 ? Math.round(items / seconds).toLocaleString('en') : '0',
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
