/**
 * An annotation for the terminal: the text with its mentions, new names and dates highlighted
 * (ANSI colours, or [brackets] without them), then lists of each.
 */
import type { Annotation } from '../domain/annotate/types.js';

const STYLE = {
  actor: ['\u001b[1;36m', '\u001b[0m'],
  place: ['\u001b[1;32m', '\u001b[0m'],
  unsure: ['\u001b[1;33m', '\u001b[0m'],
  newName: ['\u001b[4;35m', '\u001b[0m'],
  date: ['\u001b[34m', '\u001b[0m'],
} as const;
const PLAIN = {
  actor: ['[', ']'],
  place: ['{', '}'],
  unsure: ['[?', ']'],
  newName: ['<', '>'],
  date: ['(', ')'],
} as const;

type Mark = keyof typeof STYLE;

export function renderAnnotation(text: string, annotation: Annotation, colour: boolean): string {
  const styles = colour ? STYLE : PLAIN;
  type Span = { start: number; end: number; mark: Mark };
  const spans: Span[] = [
    ...annotation.mentions.map((m): Span => ({
      start: m.start,
      end: m.end,
      mark: m.entity === null || m.confidence < 1 ? 'unsure' : m.entity.entityType === 'Actor' ? 'actor' : 'place',
    })),
    ...annotation.newNames.map((n): Span => ({ start: n.start, end: n.end, mark: 'newName' })),
    ...annotation.dates.map((d): Span => ({ start: d.start, end: d.end, mark: 'date' })),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping marks: the first one wins
    const [open, close] = styles[span.mark];
    out += text.slice(at, span.start) + open + text.slice(span.start, span.end) + close;
    at = span.end;
  }
  out += text.slice(at);

  const lines = [out.trimEnd(), ''];
  const legend = colour
    ? `${STYLE.actor[0]}actor${STYLE.actor[1]} ${STYLE.place[0]}place${STYLE.place[1]} ${STYLE.unsure[0]}ambiguous or unsure${STYLE.unsure[1]} ${STYLE.newName[0]}new name${STYLE.newName[1]} ${STYLE.date[0]}date${STYLE.date[1]}`
    : '[actor] {place} [?ambiguous or unsure] <new name> (date)';
  lines.push(legend, '', `Mentions (${annotation.mentions.length}):`);
  for (const m of annotation.mentions) {
    const target =
      m.entity === null
        ? `ambiguous: ${m.candidates.map((c) => `${c.entityType} ${c.entityId}`).join(' | ')}`
        : `${m.entity.entityType} ${m.entity.entityId}${m.matched !== m.text ? ` (as "${m.matched}")` : ''}`;
    lines.push(`  ${m.start}-${m.end} "${m.text}" -> ${target}  [${m.confidence}]`);
    if (m.lineageNote !== null) lines.push(`      ${m.lineageNote}`);
  }
  lines.push('', `New names (${annotation.newNames.length}):`);
  for (const n of annotation.newNames) {
    const close = n.suggestions.map((s) => `${s.entityName} (${s.score})`).join(', ');
    lines.push(
      `  ${n.start}-${n.end} "${n.text}" looks like a ${n.looksLike.toLowerCase()}${close ? `; closest: ${close}` : ''}`,
    );
  }
  lines.push('', `Dates (${annotation.dates.length}):`);
  for (const d of annotation.dates) {
    const value = d.date === null ? 'unread' : `${d.date.value} (${d.date.precision})`;
    lines.push(`  "${d.text}" -> ${value}${d.note ? `  ${d.note}` : ''}`);
  }
  lines.push('', `Proposals (${annotation.proposals.length}; nothing is written):`);
  for (const p of annotation.proposals) {
    const what = p.engagementKind ?? p.lineageKind ?? (p.support.length > 0 ? p.support.join(', ') : '');
    const who = p.participants
      .map((x) => `${x.role} ${x.mention.entity?.entityId ?? `"${x.mention.text}" (unknown)`}`)
      .join(', ');
    lines.push(
      `  ${p.kind}${what ? ` ${what}` : ''}${p.outcome ? ` -> ${p.outcome}` : ''}${p.date ? ` on ${p.date.value}` : ''}: ${who}`,
    );
    if (p.contested) lines.push(`      contested: ${p.contestedNote ?? ''}`);
    if (p.alreadyInGraph) lines.push('      already in the graph');
    lines.push(`      "${p.quote}"`);
  }
  return lines.join('\n');
}
