/**
 * A time strip: one row per dated item, drawn from the first to the last day its fuzzy date
 * allows, so a date known only to the year is a wide bar and an exact day a tick. Open ends
 * fade out to the strip's edge; contested items are hatched.
 */
import { useId } from 'preact/hooks';
import { dayNumber } from '../dates';

export interface StripItem {
  key: string;
  label: string;
  /** First and last day the item can cover (ISO); null for an open end. */
  start: string | null;
  end: string | null;
  contested: boolean;
  onSelect?: () => void;
}

const WIDTH = 1000;
const ROW = 26;
const LEFT = 8;
const RIGHT = 8;

export function TimeStrip({ items, title }: { items: readonly StripItem[]; title: string }) {
  const hatch = `hatch-${useId()}`;
  const days = items
    .flatMap((i) => [i.start, i.end])
    .filter((d): d is string => d !== null)
    .map(dayNumber);
  if (days.length === 0) return null;
  const first = Math.min(...days) - 200;
  const last = Math.max(...days) + 200;
  const x = (day: number) => LEFT + ((day - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const firstYear = new Date(first * 86_400_000).getUTCFullYear() + 1;
  const lastYear = new Date(last * 86_400_000).getUTCFullYear();
  const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
  const height = items.length * ROW + 28;
  return (
    <svg class="strip" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
      <defs>
        <pattern id={hatch} width="6" height="6" patternTransform="rotate(45)" patternUnits="userSpaceOnUse">
          <rect width="3" height="6" fill="#b45309" />
        </pattern>
      </defs>
      {years.map((year) => {
        const at = x(dayNumber(`${year}-01-01`));
        return (
          <g key={year} class="year">
            <line x1={at} x2={at} y1={0} y2={height - 18} />
            <text x={at + 3} y={height - 4}>
              {year}
            </text>
          </g>
        );
      })}
      {items.map((item, row) => {
        const y = row * ROW + 4;
        const from = item.start ? x(dayNumber(item.start)) : LEFT;
        const to = item.end ? x(dayNumber(item.end) + 1) : WIDTH - RIGHT;
        const width = Math.max(3, to - from);
        return (
          <g key={item.key} class={`strip-item${item.contested ? ' contested' : ''}`} onClick={item.onSelect}>
            <title>{item.label}</title>
            <rect
              x={from}
              y={y}
              width={width}
              height={ROW - 8}
              rx={2}
              class={`${item.start ? '' : 'open-start'} ${item.end ? '' : 'open-end'}`}
              style={item.contested ? { fill: `url(#${hatch})` } : undefined}
            />
            {/* The label right of the bar, else left of it, else inside it. */}
            <text
              x={from + width < WIDTH * 0.6 ? from + width + 4 : from > WIDTH * 0.4 ? from - 4 : from + 4}
              y={y + ROW - 12}
              text-anchor={from + width >= WIDTH * 0.6 && from > WIDTH * 0.4 ? 'end' : undefined}
            >
              {item.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
