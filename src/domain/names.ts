/**
 * Name keys and ranked name matching for groups and places.
 *
 * Sources romanise Arabic names in many ways (Khan Touman / Khan Tuman / Khantouman; Jabhat
 * an-Nusrah / Jebhat el Nousra). `normaliseName` folds such spellings to one comparison key by
 * general rules that follow how the romanisations differ, not by a list of known names:
 *
 *  - Unicode NFKD, combining marks stripped (ḥ→h, ī→i, ë→e); lower case.
 *  - Apostrophes and ayn/hamza signs (' ’ ‘ ʼ ʻ ʿ ʾ ` ´) removed; they still separate syllables,
 *    so "Sa'id" is not read as a diphthong.
 *  - Hyphens, underscores and other punctuation separate words.
 *  - The definite article (al, el, il, ul and the assimilated an, ar, as, ash, at, ath, ad, adh, az,
 *    and their e- forms) is dropped when written as its own word ("al-Sham", "ash Sham"); a glued
 *    "al" ("Alleramoon") is left alone because it cannot be told apart from a name starting "Al".
 *  - Consonant spellings: q→k, ch→sh (French), dj→j, th→t, dh→d, zh→z; doubled letters collapse.
 *  - Vowels: Arabic has only a, i, u and sources disagree even on those (Jabhet/Jabhat,
 *    Hezbollah/Hizballah, Tell/Tall), so every vowel spelling (a e i o u, ee, oo, ou, aa) becomes
 *    one vowel "a". The glides are kept apart: "ay/ai/ey/ei" before a consonant becomes "ay"
 *    (Jaysh = Jaish = Jeish); "y"/"w" before a vowel stay consonants, and so do "i"/"u" between a
 *    consonant and a vowel (Abiad = Abyad, Sueida = Sweida), with a doubled glide written "iy"/"uw"
 *    read the same (Dahiyat = Dahiet = Dahyat); "w" closing a syllable is a vowel (Zawr = Zor).
 *  - A final "h" after a vowel is dropped (ta marbuta: Nusrah = Nusra = Nusreh).
 *  - Words are joined without spaces (Khan Touman = Khantouman).
 *  - A word of 2-5 capitals is an abbreviation (HTS, SAA, IS) and is only lower-cased, so "IS"
 *    does not fold into "US" - unless the whole multi-word name is in capitals ("KHAN TOUMAN").
 *  - Arabic script stays Arabic: tashkeel and tatweel removed, أ إ آ ٱ → ا, ة → ه, ى/ی → ي,
 *    ک → ك, hamza carriers to their base letter, a leading ال dropped, spaces removed.
 *
 * The key deliberately over-merges a little (names that differ only in vowel quality share a
 * key); the ranking breaks such ties by the literal spelling.
 */

/** A name (canonical or alias) of an entity that a query can match. */
export interface NameCandidate {
  name: string;
  entityId: string;
  entityType: string;
}

/** A candidate with its similarity to the query: 1 means the same key, lower is less similar. */
export interface RankedMatch {
  candidate: NameCandidate;
  /**
   * 0..1; exactly 1 only when query and candidate share a key (or are spelt identically apart
   * from case, accents and punctuation, which catches "isis" for the abbreviation "ISIS").
   */
  score: number;
}

// Placeholder for a removed apostrophe: kept inside words until the vowel pass, then deleted.
const SEP = '\uE000';
const APOSTROPHES = /['’‘‛ʼʻʿʾʹ′`´]/gu;
const MARKS = /\p{M}+/gu;
// Anything beyond printable ASCII needs Unicode folding; plain ASCII names skip it (speed).
const NON_ASCII = /[^ -~\t\n\r]/;
const WORD_SPLIT = /[^\p{L}\p{N}\uE000]+/u;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/u;
const LATIN_LETTERS_ONLY = /^[a-z\uE000]+$/;
const ACRONYM = /^[A-Z]{2,5}$/;

/** Written forms of the Arabic article as a separate word, including sun-letter assimilation. */
const ARTICLES = new Set('al el il ul l an ar as ash at ath ad adh az en er es esh et eth ed edh ez'.split(' '));

/** Letters NFKD does not decompose but that stand for plain Latin letters. */
const LATIN_EXTRA: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 't',
};

function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

function isConsonant(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z' && !isVowel(c);
}

/** Spellings of one consonant: q→k, ch→sh (French), dj→j, th→t, dh→d, zh→z. */
const DIGRAPH_SECOND: Record<string, { second: string; output: string }> = {
  c: { second: 'h', output: 'sh' },
  d: { second: 'j', output: 'j' },
  t: { second: 'h', output: 't' },
  z: { second: 'h', output: 'z' },
};

function pushLetter(letters: string[], c: string): void {
  if (c === SEP || c !== letters[letters.length - 1]) letters.push(c);
}

/**
 * Folds one lower-case Latin word (which may contain SEP placeholders) to its key. Written as
 * character scans rather than a chain of regular expressions: ranking folds thousands of names
 * per query.
 */
function foldLatinWord(word: string): string {
  // Pass 1: consonant spellings, then doubled letters collapse (ss→s, mm→m).
  const letters: string[] = [];
  for (let i = 0; i < word.length; i++) {
    const raw = word.charAt(i);
    let c = LATIN_EXTRA[raw] ?? raw;
    const digraph = DIGRAPH_SECOND[c];
    if (c === 'd' && word[i + 1] === 'h') {
      i++;
    } else if (digraph !== undefined && word[i + 1] === digraph.second) {
      c = digraph.output;
      i++;
    } else if (c === 'q') {
      c = 'k';
    }
    if (c.length === 2) {
      // "sh" from "ch", "ae" from "æ", ...: push letter by letter so doubling still collapses.
      pushLetter(letters, c.charAt(0));
      pushLetter(letters, c.charAt(1));
    } else {
      pushLetter(letters, c);
    }
  }
  // Pass 2: the glide after i/u is often not written (Dahiyat = Dahiet, Suwayda = Sueida).
  const s: string[] = [];
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i];
    if (c === undefined) continue;
    const glideAfter = c === 'y' ? 'i' : c === 'w' ? 'u' : null;
    if (glideAfter !== null && letters[i - 1] === glideAfter && isVowel(letters[i + 1])) continue;
    s.push(c);
  }
  // Pass 3: vowels and glides.
  let out = '';
  let last = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    const prev = s[i - 1];
    const next = s[i + 1];
    let o: string;
    if (c === SEP) continue;
    if (c === 'y') {
      // Consonant at the start or before a vowel (Yabroud, Hayat); a glide after a vowel (Jaysh);
      // otherwise it spells the vowel i (Ghazaly).
      o = i === 0 || isVowel(next) || isVowel(prev) ? 'y' : 'a';
    } else if (c === 'i' && prev !== 'i' && isVowel(prev) && !isVowel(next)) {
      o = 'y'; // "ai"/"ei" closing a syllable is the diphthong ay: Jaish, Deir.
    } else if ((c === 'i' || c === 'u') && isConsonant(prev) && isVowel(next)) {
      o = c === 'i' ? 'y' : 'w'; // i/u before a vowel is the glide y/w: Abiad = Abyad, Sueida = Sweida.
    } else if (c === 'w' && isVowel(prev) && !isVowel(next)) {
      o = 'a'; // "aw" closing a syllable is written o/ou/au just as often: Zawr = Zor.
    } else if (isVowel(c)) {
      o = 'a';
    } else {
      o = c;
    }
    if (o !== last) out += o;
    last = o;
  }
  // Ta marbuta and final h: Nusrah = Nusra, Fateh = Fatah.
  if (out.length > 2 && out.endsWith('ah')) out = out.slice(0, -1);
  return out;
}

/** Folds one Arabic-script word: orthographic variants only, no transliteration. */
function foldArabicWord(word: string): string {
  let s = word
    .replace(/\u0640/g, '') // tatweel
    .replace(/[\u0622\u0623\u0625\u0671-\u0673]/g, '\u0627') // alef variants → ا
    .replace(/[\u0629\u06C0\u06C1\u06D5]/g, '\u0647') // ta marbuta and Persian/Kurdish he → ه
    .replace(/[\u0649\u06CC\u06D0]/g, '\u064A') // alef maqsura, Persian yeh → ي
    .replace(/\u06A9/g, '\u0643') // Persian kaf → ك
    .replace(/\u0621/g, '') // lone hamza, like the Latin apostrophe
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (s.startsWith('\u0627\u0644') && s.length >= 4) s = s.slice(2);
  return s;
}

/** Splits a name into words after Unicode folding; apostrophes become SEP inside words. */
function rawWords(name: string): string[] {
  let s = name.replace(APOSTROPHES, SEP);
  // Again after NFKD, which turns some letters into a letter and an apostrophe sign (ẚ = aʾ).
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, SEP);
  return s.split(WORD_SPLIT).filter((w) => w !== '' && w !== SEP && w.replace(/\uE000/g, '') !== '');
}

/** The folded key of one word; an all-capitals word is an abbreviation unless the name shouts. */
function wordKey(word: string, shouting: () => boolean): string {
  const lower = word.toLowerCase();
  const bare = lower.replace(/\uE000/g, '');
  if (ARABIC.test(word)) return foldArabicWord(bare);
  if (ACRONYM.test(word) && !shouting()) return bare;
  if (LATIN_LETTERS_ONLY.test(lower)) return foldLatinWord(lower);
  // Digits or other scripts: fold the Latin letters in place, keep the rest as written.
  return bare.replace(/[a-z]+/g, (run) => foldLatinWord(run));
}

function isArticle(word: string): boolean {
  return ARTICLES.has(word.toLowerCase().replace(/\uE000/g, ''));
}

/** The folded key of every word of a name, articles dropped; the name key is their join. */
function wordKeys(name: string): string[] {
  const words = rawWords(name);
  // An all-capitals name is shouting, not a string of abbreviations ("KHAN TOUMAN").
  const shouting = (): boolean => words.length > 1 && !/\p{Ll}/u.test(name);
  const keys: string[] = [];
  words.forEach((word, index) => {
    if (index !== words.length - 1 && isArticle(word)) return;
    const key = wordKey(word, shouting);
    if (key !== '') keys.push(key);
  });
  return keys;
}

/**
 * The name key of every run of up to `maxWords` consecutive words of `text`: for each run, what
 * `normaliseName` gives for those words alone (an article is dropped unless it ends the run), so
 * a quote can be searched for names without folding each run again. A possessive "'s" is not
 * part of a name ("Nusra's" is "Nusra").
 */
export function runKeys(text: string, maxWords: number): Set<string> {
  const words = rawWords(text.replace(/['’]s\b/gu, ''));
  const keys = words.map((w) => wordKey(w, () => false));
  const articles = words.map(isArticle);
  const runs = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    const parts: string[] = [];
    for (let end = start; end < Math.min(words.length, start + maxWords); end++) {
      // The run start..end: earlier articles are dropped, the last word is always kept.
      const last = keys[end] ?? '';
      const key = joinKeys(last === '' ? parts : [...parts, last]);
      if (key !== '') runs.add(key);
      if (!articles[end] && last !== '') parts.push(last);
    }
  }
  return runs;
}

function joinKeys(keys: readonly string[]): string {
  // Collapse letters doubled across word boundaries too, so "Khan Nasser" = "Khannasser".
  return keys.join('').replace(/([a-z])\1+/g, '$1');
}

/**
 * Comparison key: every spelling that an analyst would consider "the same name" maps to one key.
 * See the module comment for the rules. Latin-script names give lower-case ASCII keys without
 * spaces ("Khan Touman" → "khantaman"); Arabic-script names give Arabic keys; an empty or
 * punctuation-only name gives "".
 */
export function normaliseName(name: string): string {
  return joinKeys(wordKeys(name));
}

/** Lower-case letters and digits only, accents stripped: the literal spelling, for tie-breaks. */
function plainForm(name: string): string {
  if (!NON_ASCII.test(name)) return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(APOSTROPHES, '');
}

// Reused rows for the edit distance, grown on demand: ranking runs it thousands of times per query.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). Stops early and
 * returns a value above `limit` once the distance is known to exceed it.
 */
function editDistance(a: string, b: string, limit: number): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rows[0].length < lb + 1) rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  // Locals, not module bindings, in the hot loop.
  let [before, prev, cur] = rows;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    let left = i;
    let rowMin = i;
    let cbBefore = -1;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = (prev[j - 1] ?? 0) + (ca === cb ? 0 : 1);
      const up = (prev[j] ?? 0) + 1;
      if (up < best) best = up;
      if (left + 1 < best) best = left + 1;
      if (ca === cbBefore && caBefore === cb && ca !== cb) {
        const transposed = (before[j - 2] ?? 0) + 1;
        if (transposed < best) best = transposed;
      }
      cur[j] = best;
      left = best;
      cbBefore = cb;
      if (best < rowMin) rowMin = best;
    }
    // Costs never decrease along an alignment, and one that skips this row by a transposition
    // could have substituted through it at no more cost: a row above the limit ends the search.
    if (rowMin > limit) return limit + 1;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return prev[lb] ?? 0;
}

/** A bit per letter present (a-z; other characters share a few bits), for cheap distance bounds. */
function letterMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 5));
  }
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A string with its letter mask. */
interface Masked {
  text: string;
  mask: number;
}

function masked(text: string): Masked {
  return { text, mask: letterMask(text) };
}

/**
 * 1 - distance / longer length (1 for equal strings, 0 for nothing in common), computed only
 * when it can reach `floor`; otherwise returns 0. The bounds are exact lower bounds on the
 * distance: the length difference, and the letters one string has that the other lacks (each
 * needs at least one edit).
 */
// Absorbs rounding in (1 - floor) * length, so a similarity exactly at the floor is kept.
const EPSILON = 1e-9;

function similarityAbove(a: Masked, b: Masked, floor: number): number {
  const la = a.text.length;
  const lb = b.text.length;
  const longer = la > lb ? la : lb;
  if (longer === 0) return 1;
  const missing = Math.max(bitCount(a.mask & ~b.mask), bitCount(b.mask & ~a.mask), Math.abs(la - lb));
  if (1 - missing / longer < floor - EPSILON) return 0;
  // Largest distance that still reaches floor.
  const limit = Math.floor((1 - floor) * longer + EPSILON);
  const distance = editDistance(a.text, b.text, limit);
  return distance > limit ? 0 : 1 - distance / longer;
}

function similarity(a: string, b: string): number {
  return similarityAbove(masked(a), masked(b), -1);
}

interface PreparedName {
  key: Masked;
  words: Masked[];
  plain: string;
}

// Prepared candidate names, kept across calls because the same candidate lists are ranked again
// and again; cleared when full so memory stays bounded.
const preparedCache = new Map<string, PreparedName>();
const PREPARED_CACHE_SIZE = 50_000;

function prepare(name: string): PreparedName {
  const cached = preparedCache.get(name);
  if (cached !== undefined) return cached;
  const words = wordKeys(name);
  const prepared = { key: masked(joinKeys(words)), words: words.map(masked), plain: plainForm(name) };
  if (preparedCache.size >= PREPARED_CACHE_SIZE) preparedCache.clear();
  preparedCache.set(name, prepared);
  return prepared;
}

/** Below this a match is mostly noise: e.g. "Homs" against "Hama" scores 0.5. */
const DEFAULT_MIN_SCORE = 0.6;
const DEFAULT_LIMIT = 10;
/** Word pairs less similar than this count as unrelated in the word-by-word score. */
const WORD_FLOOR = 0.34;
/** Non-exact matches stay strictly below an exact key match. */
const MAX_FUZZY = 0.99;

/**
 * Score of one candidate (see rankNameMatches). Scores below `floor` may be reported lower than
 * they are, which lets most non-matches skip the edit distance; scores at or above it are exact.
 */
function score(query: PreparedName, candidate: PreparedName, floor: number): number {
  const q = query.key.text;
  const c = candidate.key.text;
  if (q === c || (query.plain !== '' && query.plain === candidate.plain)) return 1;
  if (q === '' || c === '') return 0;
  const coverage = Math.min(1, q.length / c.length);
  let best = similarityAbove(query.key, candidate.key, floor);
  if (q.length >= 3 && c.length > q.length) {
    // Typing ahead ("khan tou") or naming only the distinctive part ("Nusrah").
    if (c.startsWith(q)) best = Math.max(best, 0.75 + 0.2 * coverage);
    else if (c.includes(q)) best = Math.max(best, 0.7 + 0.2 * coverage);
  }
  const wordScale = 0.8 + 0.19 * coverage;
  if ((query.words.length > 1 || candidate.words.length > 1) && wordScale >= Math.max(best, floor)) {
    // Word by word (Monge-Elkan): each query word against its best candidate word, so word order
    // and extra words matter less; scaled by coverage so a one-word query prefers short names.
    // The query's last word may be half typed, so a word prefix counts as a good match.
    let total = 0;
    const lastIndex = query.words.length - 1;
    query.words.forEach((qw, i) => {
      let bestWord = 0;
      for (const cw of candidate.words) {
        if (i === lastIndex && qw.text.length >= 2 && cw.text.startsWith(qw.text)) {
          bestWord = Math.max(bestWord, 0.8 + (0.15 * qw.text.length) / cw.text.length);
        }
        bestWord = Math.max(bestWord, similarityAbove(qw, cw, Math.max(bestWord, WORD_FLOOR)));
      }
      total += bestWord;
    });
    best = Math.max(best, (total / query.words.length) * wordScale);
  }
  return Math.min(best, MAX_FUZZY);
}

/**
 * Ranks candidates for a typed query: exact key matches first (score 1; also given to an identical
 * literal spelling, so a lower-case "isis" finds the abbreviation "ISIS"), then close matches by a
 * similarity over keys (edit distance on the whole key, key prefix/containment for partial
 * queries, and word-by-word similarity), best first. Keeps one entry per entityId (its best
 * alias), drops scores below `minScore` (default 0.6) and returns at most `limit` (default 10).
 * Ties are broken by the similarity of the literal spellings, then by name.
 * Cost is linear in the number of candidates; prepared names are memoised (bounded) across calls.
 */
export function rankNameMatches(
  query: string,
  candidates: readonly NameCandidate[],
  options?: { limit?: number; minScore?: number },
): RankedMatch[] {
  const limit = Math.floor(options?.limit ?? DEFAULT_LIMIT);
  const minScore = options?.minScore ?? DEFAULT_MIN_SCORE;
  if (limit <= 0) return [];
  const q = prepare(query);
  if (q.key.text === '' && q.plain === '') return [];

  interface Scored {
    candidate: NameCandidate;
    score: number;
    literal: number;
  }
  const bestByEntity = new Map<string, Scored>();
  for (const candidate of candidates) {
    const prepared = prepare(candidate.name);
    const s = score(q, prepared, minScore);
    if (s < minScore) continue;
    const current = bestByEntity.get(candidate.entityId);
    if (current !== undefined && current.score > s) continue;
    // Spellings of one entity that tie on the folded forms ("Jabhat al-Nusra", "Jabhat Al-Nusra")
    // are told apart by the spelling as typed, case and all, so the same one is always kept.
    const literal = similarity(q.plain, prepared.plain) + 1e-3 * similarity(query, candidate.name);
    if (current !== undefined && current.score === s && current.literal >= literal) continue;
    bestByEntity.set(candidate.entityId, { candidate, score: s, literal });
  }

  return [...bestByEntity.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.literal - a.literal ||
        (a.candidate.name < b.candidate.name ? -1 : a.candidate.name > b.candidate.name ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ candidate, score: s }) => ({ candidate, score: s }));
}

/**
 * What a name search index holds for one name: its lookup key, and the tokens a text index
 * matches typed queries against (each word's key, the whole name's key and the literal spelling,
 * space-separated) so that misspellings meet at the folded forms and the domain ranking
 * (rankNameMatches) then orders the few candidates the index returns. `arabicText` is the name
 * itself when it is written in Arabic script, for an index with Arabic stemming; otherwise null.
 */
export interface NameLookupFields {
  key: string;
  searchText: string;
  arabicText: string | null;
}

export function nameLookupFields(name: string): NameLookupFields {
  const words = wordKeys(name);
  const key = joinKeys(words);
  const tokens = new Set([...words, key, plainForm(name)].filter((t) => t !== ''));
  return { key, searchText: [...tokens].join(' '), arabicText: ARABIC.test(name) ? name : null };
}

/**
 * A typed query as search index terms: the folded words and the whole key (the tokens
 * nameLookupFields indexes), with the last word and the key also as prefixes, since a person may
 * be half way through typing them ("khan tou").
 */
export interface NameSearchTerms {
  words: string[];
  key: string;
  plain: string;
  /** Present when the query has Arabic script: the query as typed, for the Arabic index. */
  arabic: string | null;
}

export function nameSearchTerms(query: string): NameSearchTerms {
  const words = wordKeys(query);
  return { words, key: joinKeys(words), plain: plainForm(query), arabic: ARABIC.test(query) ? query : null };
}
