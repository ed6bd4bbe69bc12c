/**
 * Finding the graph's actors and places in a text. Every run of words that could be a name is
 * looked up by its `normaliseName` key, longest first, so a spelling the graph holds under any
 * romanisation, case or article is found, and a span is read as the longest name it holds
 * ("Aleppo Conquest Operations Room", not "Aleppo"). Runs that match no key exactly are ranked
 * against the names of similar length (`rankNameMatches`) and linked only when one name is very
 * close; runs that look like a group or a place (Liwa ..., ... Brigade, Tell ..., village of ...)
 * and match nothing are reported as new names with the closest known names.
 */
import { compareFuzzyDates, earliestDay, latestDay, type FuzzyDate } from '../fuzzyDate.js';
import { normaliseName, rankNameMatches } from '../names.js';
import { candidatesNear, entityKey, isArticle, type NameIndex } from './nameIndex.js';
import type { Token } from './text.js';
import type { Candidate, EntityType, IndexedName, Mention, NewName } from './types.js';

/** A close match links a span only from this score (a one-letter slip in a ten-letter key). */
const FUZZY_LINK_SCORE = 0.9;
/** ... and only when the next entity is this much further. */
const FUZZY_MARGIN = 0.05;
/** Suggestions for a new name may be loose: they are offered, never linked. */
const SUGGESTION_SCORE = 0.4;
const MAX_SUGGESTIONS = 3;
/** Confidence of a span read by context between an actor and a place with the same name. */
const CONTEXT_CONFIDENCE = 0.8;
/** Confidence of a name used outside its period (the text may mean a successor). */
const OUT_OF_PERIOD_CONFIDENCE = 0.6;

// Words that make a run of capitalised words look like a group or a place. Compared by key, so
// any spelling of them counts (Jaysh = Jaish = Jeish, Tell = Tall).
const GROUP_WORDS = keys(
  'Liwa Liwaa Jaysh Harakat Harakah Jabhat Faylaq Kataib Katibat Saraya Alwiya Ansar Tajammu Firqa Fawj Hezbollah Hizb Brigade Brigades Front Division Movement Battalion Battalions Regiment Army Forces Militia Group Legion Corps Unit Units Guard',
);
const PLACE_WORDS = keys(
  'Tell Tal Kafr Kfar Khan Deir Jabal Jebel Ain Ayn Bab Maarat Marat Qalaat Qalat Hayy Beit Ras Wadi Hill Mount Airbase Airport Base District Village Town Neighbourhood Neighborhood Countryside Highway Road Camp Quarter Suburb Dam Crossing',
);
/** Lower-case nouns that make the capitalised words before them, or after "... of", a place. */
const PLACE_NOUNS = new Set(
  'district village town neighbourhood neighborhood suburb area city airbase base hill hills countryside quarter'.split(
    ' ',
  ),
);
/** Lower-case words that may sit inside a multi-word name ("Army of Conquest"). */
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'du']);
/** Capitalised at a sentence's start, never the start of a name. */
const STOPWORDS = new Set(
  'the a an this that these those on in at by for from with as but and or it its he she they we his her their after before while when since during meanwhile according however although there here if some many most all other another one two three'.split(
    ' ',
  ),
);
/** Words before a span that make it a place rather than an actor. */
const PLACE_CONTEXT = new Set(
  'in at near around into outside inside toward towards across from of village town city district province countryside'.split(
    ' ',
  ),
);

function keys(words: string): Set<string> {
  return new Set(words.split(' ').map((w) => normaliseName(w)));
}

export interface MentionResult {
  mentions: Mention[];
  newNames: NewName[];
}

/** Key of a word, memoised per call (articles repeat the same words thousands of times). */
class WordKeys {
  private readonly cache = new Map<string, string>();
  private readonly articles = new Map<string, boolean>();

  key(word: string): string {
    let key = this.cache.get(word);
    if (key === undefined) {
      key = normaliseName(word);
      this.cache.set(word, key);
    }
    return key;
  }

  isArticle(word: string): boolean {
    let result = this.articles.get(word);
    if (result === undefined) {
      result = isArticle(word);
      this.articles.set(word, result);
    }
    return result;
  }
}

/** Every word is also looked up alone: it may be a glued spelling ("Khantuman") of a longer name. */
const ONE_WORD = [1];

/**
 * The mentions and new names of a text. `published` (the text's date) is used to flag names used
 * outside their period; `skip` marks character ranges already read as dates.
 */
export function findMentions(
  text: string,
  tokens: readonly Token[],
  index: NameIndex,
  published: FuzzyDate | null,
  skip: readonly { start: number; end: number }[],
): MentionResult {
  const words = new WordKeys();
  const covered = new Uint8Array(tokens.length);
  const skipped = skipMask(tokens, skip);
  const mentions: Mention[] = [];

  for (let i = 0; i < tokens.length; i++) {
    if (skipped[i]) continue;
    // A span may open with an article ("al-Nusra", "al Nusra"); the lookup goes by the next word.
    const article = words.isArticle(tokens[i]!.text) && tokens[i]!.gap !== 'break';
    const core = article ? i + 1 : i;
    const coreToken = tokens[core];
    if (coreToken === undefined || skipped[core]) continue;
    const lengths = index.spanLengths.get(words.key(coreToken.text)) ?? ONE_WORD;
    let reach = core; // the last token a span from here may reach without crossing punctuation
    const maxLength = lengths[0]!;
    while (
      reach - core + 1 < maxLength &&
      reach + 1 < tokens.length &&
      tokens[reach]!.gap !== 'break' &&
      !skipped[reach + 1]
    )
      reach++;
    let found = false;
    for (const length of lengths) {
      const last = core + length - 1;
      if (last > reach) continue;
      const start = coreToken.start;
      const end = tokens[last]!.end;
      const matches = index.byKey.get(length === 1 ? words.key(coreToken.text) : normaliseName(text.slice(start, end)));
      if (matches === undefined) continue;
      const hits = matches.filter((name) => plausible(name, text.slice(start, end), tokens, core, last, index));
      if (hits.length === 0) continue;
      // English "an", "as", "at" look like articles: only "al"/"el" or a hyphen joins one to a name.
      const withArticle = article && (tokens[i]!.gap === 'hyphen' || /^(al|el)$/i.test(tokens[i]!.text));
      const first = withArticle ? i : core;
      mentions.push(exactMention(text, tokens, first, tokens[first]!.start, end, hits, index, published));
      for (let k = first; k <= last; k++) covered[k] = 1;
      i = last;
      found = true;
      break;
    }
    if (!found && article) continue;
  }

  const newNames: NewName[] = [];
  const closeMatches = new Map<string, Candidate | null>();
  for (const run of nameRuns(text, tokens, covered, skipped, words)) {
    let fuzzy = closeMatches.get(run.text);
    if (fuzzy === undefined) {
      fuzzy = closeMatch(run.text, index);
      closeMatches.set(run.text, fuzzy);
    }
    if (fuzzy !== null) {
      mentions.push({
        start: run.start,
        end: run.end,
        text: run.text,
        entity: { entityType: fuzzy.entityType, entityId: fuzzy.entityId },
        matched: fuzzy.matched,
        candidates: [fuzzy],
        confidence: Math.round(fuzzy.score * 0.9 * 1000) / 1000,
        lineageNote: null,
      });
    } else if (run.looksLike !== null) {
      newNames.push({
        start: run.start,
        end: run.end,
        text: run.text,
        looksLike: run.looksLike,
        suggestions: suggestionsFor(run.text, index),
      });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, newNames };
}

function skipMask(tokens: readonly Token[], skip: readonly { start: number; end: number }[]): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  if (skip.length === 0) return mask;
  tokens.forEach((t, i) => {
    if (skip.some((s) => t.start < s.end && t.end > s.start)) mask[i] = 1;
  });
  return mask;
}

/** Letters and digits only, lower case: the literal spelling. */
function plain(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Same key is not always the same name. A short key ("sa") is too easily shared ("See", "Su"),
 * so it must be spelt as the graph spells it (any case); a span of lower-case words only ("the
 * industrial district") must be a name exactly as written; and a span must not run past the
 * name into a lower-case word whose letters the key happens to absorb ("Aleppo a").
 */
function plausible(
  name: IndexedName,
  span: string,
  tokens: readonly Token[],
  core: number,
  last: number,
  index: NameIndex,
): boolean {
  if (normaliseName(name.name).length <= 3 && plain(name.name) !== plain(span)) return false;
  if (!anyNameLike(tokens, core, last) && name.name !== span) return false;
  if (last > core && !tokens[last]!.nameLike && index.coreWords.get(name) !== last - core + 1) return false;
  return true;
}

function anyNameLike(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (tokens[k]!.nameLike) return true;
  return false;
}

function candidateOf(name: IndexedName, score: number): Candidate {
  return {
    entityType: name.entityType,
    entityId: name.entityId,
    entityName: name.entityName,
    matched: name.name,
    score,
    reason: 'SPELLING',
    from: name.from ?? null,
    to: name.to ?? null,
  };
}

function exactMention(
  text: string,
  tokens: readonly Token[],
  firstToken: number,
  start: number,
  end: number,
  hits: readonly IndexedName[],
  index: NameIndex,
  published: FuzzyDate | null,
): Mention {
  const span = text.slice(start, end);
  // One candidate per entity: the name spelt most like the span.
  const byEntity = new Map<string, IndexedName>();
  for (const hit of hits) {
    const k = entityKey(hit.entityType, hit.entityId);
    const current = byEntity.get(k);
    if (current === undefined || (hit.name === span && current.name !== span)) byEntity.set(k, hit);
  }
  let names = [...byEntity.values()];
  let confidence = 1;
  let linked: IndexedName | null = names[0] ?? null;
  if (names.length > 1) {
    const types = new Set(names.map((n) => n.entityType));
    const preferred = types.size > 1 ? contextType(tokens, firstToken) : null;
    names = [...names].sort(
      (a, b) =>
        Number(b.entityType === preferred) - Number(a.entityType === preferred) ||
        (a.entityName < b.entityName ? -1 : 1),
    );
    const top = names.filter((n) => n.entityType === names[0]!.entityType);
    linked = preferred !== null && top.length === 1 ? names[0]! : null;
    confidence = linked === null ? Math.round((1 / names.length) * 1000) / 1000 : CONTEXT_CONFIDENCE;
  }
  const candidates = names.map((n, rank) => candidateOf(n, linked === null || rank === 0 ? 1 : CONTEXT_CONFIDENCE));
  let lineageNote: string | null = null;
  if (linked !== null && linked.entityType === 'Actor' && published !== null) {
    const lineage = lineageCandidates(linked, index, published);
    if (lineage !== null) {
      candidates.push(...lineage.candidates);
      lineageNote = lineage.note;
      confidence = OUT_OF_PERIOD_CONFIDENCE;
    }
  }
  return {
    start,
    end,
    text: span,
    entity: linked === null ? null : { entityType: linked.entityType, entityId: linked.entityId },
    matched: linked?.name ?? null,
    candidates,
    confidence,
    lineageNote,
  };
}

/** "in Aleppo" reads a place; "Aleppo's forces" or a sentence subject reads the actor. */
function contextType(tokens: readonly Token[], firstToken: number): EntityType | null {
  let k = firstToken - 1;
  while (k >= 0 && tokens[k]!.gap !== 'break' && /^(the|a)$/i.test(tokens[k]!.text)) k--;
  const before = k >= 0 && tokens[k]!.gap !== 'break' ? tokens[k]!.text.toLowerCase() : null;
  if (before !== null && PLACE_CONTEXT.has(before)) return 'Place';
  return 'Actor';
}

interface Period {
  from: FuzzyDate | null;
  to: FuzzyDate | null;
}

/**
 * When the matched name was not yet or no longer the actor's name at the text's date, the actors
 * it was renamed or merged into (or came from), each with the period it bore its name.
 */
function lineageCandidates(
  name: IndexedName,
  index: NameIndex,
  published: FuzzyDate,
): { candidates: Candidate[]; note: string } | null {
  const after = name.to != null && latestDay(name.to) < earliestDay(published);
  const before = name.from != null && earliestDay(name.from) > latestDay(published);
  if (!after && !before) return null;
  const chain = walkLineage(name.entityId, index, after ? 'forward' : 'backward');
  if (chain.length === 0) return null;
  const fitting = chain.filter((c) => periodFits(c.period, published));
  const chosen = fitting.length > 0 ? fitting : chain;
  const candidates = chosen.map((c): Candidate => {
    const entity = index.entities.get(entityKey('Actor', c.id));
    return {
      entityType: 'Actor',
      entityId: c.id,
      entityName: entity?.entityName ?? c.id,
      matched: entity?.entityName ?? c.id,
      score: fitting.length > 0 ? OUT_OF_PERIOD_CONFIDENCE : OUT_OF_PERIOD_CONFIDENCE / 2,
      reason: 'LINEAGE',
      from: c.period.from,
      to: c.period.to,
      note: `${after ? 'successor' : 'predecessor'} of ${name.entityName}`,
    };
  });
  const period = `${name.from?.value ?? '…'} to ${name.to?.value ?? '…'}`;
  const others = candidates.map((c) => `${c.entityName} (${c.from?.value ?? '…'} to ${c.to?.value ?? '…'})`).join(', ');
  return {
    candidates,
    note: `"${name.name}" names ${name.entityName} from ${period}; in a text of ${published.value} it may mean ${others}.`,
  };
}

function periodFits(period: Period, day: FuzzyDate): boolean {
  if (period.from !== null && earliestDay(period.from) > latestDay(day)) return false;
  if (period.to !== null && latestDay(period.to) < earliestDay(day)) return false;
  return true;
}

/** Actors reached by lineage edges in one direction, each with the period between its edges. */
function walkLineage(
  start: string,
  index: NameIndex,
  direction: 'forward' | 'backward',
): { id: string; period: Period }[] {
  const found: { id: string; period: Period }[] = [];
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      const links = (direction === 'forward' ? index.lineageFrom : index.lineageTo).get(id) ?? [];
      for (const link of links) {
        if (link.kind === 'SPLIT_FROM') continue; // a split keeps the parent alive: not a new name
        const other = direction === 'forward' ? link.toId : link.fromId;
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
        found.push({ id: other, period: periodOf(other, index) });
      }
    }
    frontier = next;
  }
  return found;
}

/** From the edge into an actor (rename, merger) to the edge out of it. */
function periodOf(id: string, index: NameIndex): Period {
  const dates = (links: readonly { date?: FuzzyDate | null; kind: string }[] | undefined) =>
    (links ?? []).filter((l) => l.kind !== 'SPLIT_FROM' && l.date != null).map((l) => l.date as FuzzyDate);
  const into = dates(index.lineageTo.get(id)).sort(compareFuzzyDates);
  const out = dates(index.lineageFrom.get(id)).sort(compareFuzzyDates);
  return { from: into[into.length - 1] ?? null, to: out[0] ?? null };
}

interface NameRun {
  start: number;
  end: number;
  text: string;
  looksLike: 'GROUP' | 'PLACE' | null;
}

/**
 * Maximal runs of capitalised words (with articles and "of" inside) that no mention covers. Such a
 * run is tried as a close spelling of a known name, and reported as a new name when a word in it
 * (or a place noun beside it) says it is a group or a place.
 */
function* nameRuns(
  text: string,
  tokens: readonly Token[],
  covered: Uint8Array,
  skipped: Uint8Array,
  words: WordKeys,
): Generator<NameRun> {
  const free = (k: number) => k < tokens.length && !covered[k] && !skipped[k];
  for (let i = 0; i < tokens.length; i++) {
    if (!free(i) || STOPWORDS.has(tokens[i]!.text.toLowerCase())) continue;
    if (!(tokens[i]!.nameLike || (words.isArticle(tokens[i]!.text) && tokens[i]!.gap !== 'break'))) continue;
    let j = i;
    while (j < tokens.length - 1 && tokens[j]!.gap !== 'break' && free(j + 1)) {
      const next = tokens[j + 1]!;
      const inner = CONNECTORS.has(next.text) || words.isArticle(next.text);
      if (next.nameLike) j++;
      else if (inner && j + 2 < tokens.length && next.gap !== 'break' && tokens[j + 2]!.nameLike && free(j + 2)) j += 2;
      else break;
    }
    while (j > i && !tokens[j]!.nameLike) j--;
    i = nameStart(tokens, i, j, words);
    if (!anyNameLike(tokens, i, j)) {
      i = j;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    yield { start, end, text: text.slice(start, end), looksLike: looksLike(tokens, i, j, words) };
    i = j;
  }
}

const isTrigger = (token: Token, words: WordKeys) => {
  const key = words.key(token.text);
  return GROUP_WORDS.has(key) || PLACE_WORDS.has(key);
};

/**
 * "Fighters of Liwa Ababil": where the words after an "of" open with a group or place word and
 * those before it hold none, the name starts after the "of" ("Army of Conquest" stays whole).
 */
function nameStart(tokens: readonly Token[], from: number, to: number, words: WordKeys): number {
  for (let k = from + 1; k < to; k++) {
    if (tokens[k]!.text !== 'of' || !isTrigger(tokens[k + 1]!, words)) continue;
    let before = false;
    for (let b = from; b < k; b++) if (isTrigger(tokens[b]!, words)) before = true;
    if (!before) return k + 1;
  }
  return from;
}

function looksLike(tokens: readonly Token[], from: number, to: number, words: WordKeys): 'GROUP' | 'PLACE' | null {
  const count = to - from + 1;
  let group = false;
  let place = false;
  for (let k = from; k <= to; k++) {
    const key = words.key(tokens[k]!.text);
    if (GROUP_WORDS.has(key)) group = true;
    if (PLACE_WORDS.has(key)) place = true;
  }
  // "the village of Khalasah", "Khalasah village"
  const after = to + 1 < tokens.length && tokens[to]!.gap === 'space' ? tokens[to + 1]!.text : '';
  const ofBefore = from >= 2 && tokens[from - 1]!.text === 'of' && tokens[from - 2]!.gap === 'space';
  const nounBefore = ofBefore ? tokens[from - 2]!.text.toLowerCase() : '';
  if (PLACE_NOUNS.has(after) || PLACE_NOUNS.has(nounBefore)) return 'PLACE';
  if (count < 2) return null; // a lone "Brigade" or "Tell" is not a name
  if (group) return 'GROUP';
  if (place) return 'PLACE';
  return null;
}

/** The one known name a run is a close spelling of, or null when none or several are close. */
function closeMatch(run: string, index: NameIndex): Candidate | null {
  const key = normaliseName(run);
  if (key.length < 5) return null; // short keys are too close to everything
  const slack = Math.ceil(key.length * (1 - FUZZY_LINK_SCORE)) + 1;
  const ranked = rankNameMatches(run, candidatesNear(index, key.length, slack), {
    minScore: FUZZY_LINK_SCORE - FUZZY_MARGIN,
    limit: 2,
  });
  const [best, second] = ranked;
  if (best === undefined || best.score < FUZZY_LINK_SCORE) return null;
  if (second !== undefined && best.score - second.score < FUZZY_MARGIN) return null;
  return fromRanked(best.candidate.entityId, best.candidate.name, best.score, index);
}

function suggestionsFor(run: string, index: NameIndex): Candidate[] {
  return rankNameMatches(run, index.allCandidates, { minScore: SUGGESTION_SCORE, limit: MAX_SUGGESTIONS }).map((m) =>
    fromRanked(m.candidate.entityId, m.candidate.name, m.score, index),
  );
}

function fromRanked(key: string, matched: string, score: number, index: NameIndex): Candidate {
  const entity = index.entities.get(key);
  const separator = key.indexOf('|');
  return {
    entityType: key.slice(0, separator) as EntityType,
    entityId: key.slice(separator + 1),
    entityName: entity?.entityName ?? matched,
    matched,
    score: Math.round(score * 1000) / 1000,
    reason: 'SPELLING',
  };
}
