import { chooseEntity, type NamedEntityMatch } from '../../src/domain/nameResolution.js';
import { describe, expect, it } from 'vitest';
import { normaliseName, rankNameMatches, type NameCandidate } from '../../src/domain/names.js';

const key = normaliseName;

describe('normaliseName: rules', () => {
  it('strips diacritics after NFKD (ḥ→h, ī→i, ë→e, ā→a)', () => {
    expect(key('Taḥrīr')).toBe(key('Tahrir'));
    expect(key('Daël')).toBe(key('Dael'));
    expect(key('Shām')).toBe(key('Sham'));
  });

  it('ignores letter case', () => {
    expect(key('Khan Touman')).toBe(key('khan touman'));
    expect(key('KHAN TOUMAN')).toBe(key('khan touman'));
  });

  it.each(["Hay'at", 'Hay’at', 'Hay‘at', 'Hayʼat', 'Hayʻat', 'Hayʿat', 'Hayʾat', 'Hay`at', 'Hay´at'])(
    'removes the apostrophe or ayn/hamza sign in %s',
    (spelling) => {
      expect(key(spelling)).toBe(key('Hayat'));
    },
  );

  it('removes an apostrophe sign that Unicode folding brings out of a letter (ẚ is a + ʾ)', () => {
    expect(key('Raẚs')).toBe(key("Raa'as"));
    expect(key(key('ẚ'))).toBe(key('ẚ'));
  });

  it('keeps an apostrophe as a syllable break, so "Sa\'id" is not the diphthong of "Said"', () => {
    expect(key("Sa'id")).toBe(key('Saeed'));
    expect(key("Sa'id")).not.toBe(key('Said'));
  });

  it.each(['Khan-Touman', 'Khan_Touman', 'Khan, Touman', 'Khan.Touman', '(Khan Touman)', 'Khan  /  Touman'])(
    'treats punctuation in %s as a word break',
    (spelling) => {
      expect(key(spelling)).toBe(key('Khan Touman'));
    },
  );

  it('removes spaces, so a name written as one word matches the two-word spelling', () => {
    expect(key('Khantouman')).toBe(key('Khan Touman'));
    expect(key('Khan Touman')).not.toMatch(/\s/);
  });

  it.each([
    'al-Sham',
    'Al-Sham',
    'al Sham',
    'el-Sham',
    'el Sham',
    'il-Sham',
    'ul-Sham',
    'ash-Sham',
    'ash Sham',
    'as-Sham',
    'esh-Sham',
    'es-Sham',
  ])('drops the article written as a separate word: Ahrar %s', (tail) => {
    expect(key(`Ahrar ${tail}`)).toBe(key('Ahrar Sham'));
  });

  it.each([
    ['an-Nusra', 'Nusra'],
    ['ar-Raqqa', 'Raqqa'],
    ['at-Tall', 'Tall'],
    ['ath-Thawra', 'Thawra'],
    ['ad-Dana', 'Dana'],
    ['adh-Dhahab', 'Dhahab'],
    ['az-Zabadani', 'Zabadani'],
    ['ez-Zor', 'Zor'],
    ['et-Tal', 'Tal'],
    ['er-Rastan', 'Rastan'],
    ['ed-Din', 'Din'],
  ])('drops the assimilated article in %s', (withArticle, without) => {
    expect(key(withArticle)).toBe(key(without));
  });

  it('drops the article in the middle of a name', () => {
    expect(key("Ma'arrat an-Nu'man")).toBe(key('Maarrat Numan'));
  });

  it('does not strip an "al" glued to the word, which may be part of the name', () => {
    expect(key('Alrashidin')).not.toBe(key('al-Rashidin'));
    expect(key('Alleramoon')).toMatch(/^al/);
  });

  it('keeps an article-like word when it is the whole name', () => {
    expect(key('Al')).toBe('al');
  });

  it('collapses doubled letters (ss→s, mm→m, ll→l, qq→k)', () => {
    expect(key('Hassan')).toBe(key('Hasan'));
    expect(key('Muhammad')).toBe(key('Muhamad'));
    expect(key('Hezbollah')).toBe(key('Hezbolah'));
    expect(key('Raqqa')).toBe(key('Raqa'));
  });

  it.each([
    ['Tahreer', 'Tahrir'],
    ['Nousra', 'Nusra'],
    ['Shaam', 'Sham'],
    ['Jabhet', 'Jabhat'],
    ['Fateh', 'Fatah'],
    ['Idleb', 'Idlib'],
    ['Hizballah', 'Hezbollah'],
    ['Rashideen', 'Rashidin'],
    ['Tomaan', 'Touman'],
    ['Homs', 'Hims'],
  ])('maps vowel spellings to one vowel: %s = %s', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each(['Jaish', 'Jeish', 'Jeysh'])('reads ay/ai/ei/ey before a consonant as one diphthong: %s = Jaysh', (s) => {
    expect(key(s)).toBe(key('Jaysh'));
  });

  it('keeps the diphthong apart from the plain vowel (Deir/Dayr vs Dar)', () => {
    expect(key('Deir')).toBe(key('Dayr'));
    expect(key('Deir')).not.toBe(key('Dar'));
  });

  it('keeps a consonant y between vowels (Mayadin is not Maadan)', () => {
    expect(key('Mayadin')).toBe(key('Mayadeen'));
    expect(key('Mayadin')).not.toBe(key('Maadan'));
  });

  it('drops the unwritten glide after i or u before a vowel (iya = ia, uwa = ua)', () => {
    expect(key('Dahiyat')).toBe(key('Dahiet'));
    expect(key('Fatemiyoun')).toBe(key('Fatemiun'));
    expect(key('Suwayda')).toBe(key('Sueida'));
  });

  it('reads i/u between a consonant and a vowel as the glide y/w (Abiad = Abyad, Sueida = Sweida)', () => {
    expect(key('Abiad')).toBe(key('Abyad'));
    expect(key('Sueida')).toBe(key('Sweida'));
    expect(key('Dahiet')).toBe(key('Dahyat'));
  });

  it('reads w closing a syllable as a vowel (Zawr = Zour = Zor)', () => {
    expect(key('Zawr')).toBe(key('Zor'));
    expect(key('Zour')).toBe(key('Zor'));
  });

  it.each([
    ['Raqqa', 'Rakka'],
    ['Quds', 'Kuds'],
    ['Dhahiyat', 'Dahiyat'],
    ['Thawra', 'Tawra'],
    ['Cheikh', 'Sheikh'],
    ['Djisr', 'Jisr'],
    ['Zhahir', 'Zahir'],
  ])('folds consonant spellings: %s = %s', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it('maps Tell, Tall, Tal and Tel (the same Arabic word for hill) to one key', () => {
    expect(new Set(['Tell', 'Tall', 'Tal', 'Tel'].map(key)).size).toBe(1);
    expect(key('Tall Rakhm')).toBe(key('Tell Rakhm'));
  });

  it('drops a final h after a vowel (ta marbuta: -ah = -a = -eh)', () => {
    expect(key('Nusrah')).toBe(key('Nusra'));
    expect(key('Nusreh')).toBe(key('Nusra'));
    expect(key('Khalasah')).toBe(key('Khalasa'));
  });

  it('only lower-cases a capitalised abbreviation, so IS and US stay apart', () => {
    expect(key('HTS')).toBe('hts');
    expect(key('IS')).toBe('is');
    expect(key('IS')).not.toBe(key('US'));
    expect(key('SAA')).toBe(key('saa'));
  });

  it('does not treat the words of an all-capitals multi-word name as abbreviations', () => {
    expect(key('JAYSH AL-ISLAM')).toBe(key('Jaysh al-Islam'));
  });

  it('keeps digits', () => {
    expect(key('Brigade 313')).toMatch(/313$/);
    expect(key('Division 30')).not.toBe(key('Division 13'));
  });

  it('gives an empty key for an empty or punctuation-only name', () => {
    expect(key('')).toBe('');
    expect(key(' - / ')).toBe('');
  });
});

describe('normaliseName: Arabic script', () => {
  it('keeps the key in Arabic script, without spaces', () => {
    expect(key('خان طومان')).toBe('خانطومان');
    expect(key('هيئة تحرير الشام')).toMatch(/^[\u0600-\u06FF]+$/);
  });

  it('maps alef variants أ إ آ ٱ to ا', () => {
    expect(key('أحرار')).toBe(key('احرار'));
    expect(key('إدلب')).toBe(key('ادلب'));
    expect(key('آمنة')).toBe(key('امنة'));
    expect(key('ٱلشام')).toBe(key('الشام'));
  });

  it('maps ta marbuta ة to ه and alef maqsura ى to ي', () => {
    expect(key('النصرة')).toBe(key('النصره'));
    expect(key('مصطفى')).toBe(key('مصطفي'));
  });

  it('strips tashkeel and tatweel', () => {
    expect(key('جَبْهَةُ النُّصْرَة')).toBe(key('جبهة النصرة'));
    expect(key('الشّام')).toBe(key('الشام'));
    expect(key('حـلـب')).toBe(key('حلب'));
  });

  it('drops the article ال at the start of a word', () => {
    expect(key('الشام')).toBe(key('شام'));
    expect(key('جبهة النصرة')).toBe(key('جبهة نصرة'));
  });

  it('does not transliterate: an Arabic name and its romanisation have different keys', () => {
    expect(key('خان طومان')).not.toBe(key('Khan Touman'));
  });
});

describe('normaliseName: spellings of the same name share a key', () => {
  it.each([
    ['Khantouman', 'Khan Touman'],
    ['Khan Tuman', 'Khan Touman'],
    ['Khaan Toumaan', 'Khan Touman'],
    ['Khan Tomaan', 'Khan Touman'],
    ['Liwaa Al-Quds', 'Liwa al-Quds'],
    ['Liwa el Quds', 'Liwa al-Quds'],
    ['Jabhet Fatah al-Shaam', 'Jabhat Fatah al-Sham'],
    ['Jabhat Fateh al-Sham', 'Jabhat Fatah al-Sham'],
    ['Jabhat Fatah ash-Sham', 'Jabhat Fatah al-Sham'],
    ["Hay'at Tahreer Al-Sham", 'Hayat Tahrir al-Sham'],
    ['Hayʼat Taḥrīr al-Shām', 'Hayat Tahrir al-Sham'],
    ['Hayat Tahrir al Sham', 'Hayat Tahrir al-Sham'],
    ["Hai'at Tahrir ash-Sham", 'Hayat Tahrir al-Sham'],
    ['al-Rashideen', 'al-Rashidin'],
    ['Al Rashidin', 'al-Rashidin'],
    ['ar-Rashidin', 'al-Rashidin'],
    ['Leiramoun', 'Al-Layramoun'],
    ['al-Lairamoun', 'Al-Layramoun'],
    ['Dhahiyet al-Assad', 'Dahiyat al-Asad'],
    ['Dahiet al-Assad', 'Dahiyat al-Asad'],
    ['Qalajiyah', "Qal'ajiyah"],
    ['Maarata', "Ma'rata"],
    ['Harakat Hizballah al-Nujaba', 'Harakat Hezbollah al-Nujaba'],
    ['Harakat Hezbollah an-Nujaba', 'Harakat Hezbollah al-Nujaba'],
    ['Liwa Fatemiyun', 'Liwa Fatemiyoun'],
    ['Liwa al-Fatemiyoun', 'Liwa Fatemiyoun'],
    ['Bashkuy', 'Bashkoy'],
    ["Kafr da'el", 'Kafr Dael'],
    ['Tall Rakhm', 'Tell Rakhm'],
    ['Jabhat an-Nusrah', 'Jabhat al-Nusra'],
    ['Jebhat el Nousra', 'Jabhat al-Nusra'],
    ['Ahrar ash-Sham', 'Ahrar al-Sham'],
    ['Hizbollah', 'Hezbollah'],
    ['Jeish el-Islam', 'Jaysh al-Islam'],
    ['Deir al-Zour', 'Deir ez-Zor'],
    ['Dayr az-Zawr', 'Deir ez-Zor'],
    ['Ar-Raqqah', 'Raqqa'],
    ['Cheikh Maksoud', 'Sheikh Maqsoud'],
    ['Shaykh Maqsud', 'Sheikh Maqsoud'],
    ["Ra's al-'Ayn", 'Ras al-Ain'],
    ['Ras el-Ein', 'Ras al-Ain'],
    ['Tal Abyad', 'Tell Abiad'],
    ['Jisr ash-Shughur', 'Jisr al-Shughour'],
    ['جبهه النصره', 'جبهة النصرة'],
    ['هيئة تحرير الشّام', 'هيئة تحرير الشام'],
    ['خان  طومان', 'خان طومان'],
  ])('%s = %s', (spelling, canonical) => {
    expect(key(spelling)).toBe(key(canonical));
  });
});

describe('normaliseName: distinct names keep distinct keys', () => {
  it.each([
    ['Ahrar al-Sham', 'Jaysh al-Sham'],
    ['Aleppo', 'Idlib'],
    ['Tell Rakhm', 'Tell Mutah'],
    ['Jabhat al-Nusra', 'Jabhat Fatah al-Sham'],
    ['Liwa al-Quds', 'Jaysh al-Fatah'],
    ['Khan Touman', 'Khan al-Asal'],
    ['Khan Touman', 'Khan al-Sabil'],
    ['Khan al-Asal', 'Khan al-Sabil'],
    ['al-Rashidin', 'al-Rashidiyah'],
    ['Hama', 'Homs'],
    ['Mayadin', 'Maadan'],
    ['Hezbollah', 'Harakat Hezbollah al-Nujaba'],
    ['Jaysh al-Islam', 'Jaysh al-Sham'],
    ['Jabhat Fatah al-Sham', 'Jaysh al-Fatah'],
    ['Kafr Hamra', 'Kafr Naya'],
    ['Khalasah', 'Khan al-Asal'],
    ['IS', 'US'],
  ])('%s ≠ %s', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });
});

const ENTITIES: readonly [string, string, readonly string[]][] = [
  ['khan-touman', 'PLACE', ['Khan Touman', 'Khan Tuman', 'خان طومان']],
  ['khan-al-asal', 'PLACE', ['Khan al-Asal']],
  ['khan-al-sabil', 'PLACE', ['Khan al-Sabil']],
  ['khan-shaykhun', 'PLACE', ['Khan Shaykhun']],
  ['khan-tahtani', 'PLACE', ['Khan Tahtani']],
  ['khalasah', 'PLACE', ['Khalasah', 'Khulsa']],
  ['al-rashidin', 'PLACE', ['al-Rashidin']],
  ['al-rashidiyah', 'PLACE', ['al-Rashidiyah']],
  ['al-layramoun', 'PLACE', ['Al-Layramoun', 'Lirmoun']],
  ['dahiyat-al-assad', 'PLACE', ['Dahiyat al-Assad']],
  ['qalajiyah', 'PLACE', ["Qal'ajiyah"]],
  ['maarata', 'PLACE', ["Ma'rata"]],
  ['bashkoy', 'PLACE', ['Bashkoy']],
  ['kafr-dael', 'PLACE', ["Kafr Da'el"]],
  ['kafr-hamra', 'PLACE', ['Kafr Hamra']],
  ['tell-rakhm', 'PLACE', ['Tell Rakhm']],
  ['tell-mutah', 'PLACE', ['Tell Mutah']],
  ['aleppo', 'PLACE', ['Aleppo', 'Halab', 'حلب']],
  ['idlib', 'PLACE', ['Idlib']],
  ['hama', 'PLACE', ['Hama']],
  ['homs', 'PLACE', ['Homs']],
  ['jabhat-al-nusra', 'GROUP', ['Jabhat al-Nusra', 'Nusra Front', 'جبهة النصرة']],
  ['jabhat-fatah-al-sham', 'GROUP', ['Jabhat Fatah al-Sham', 'JFS']],
  ['hayat-tahrir-al-sham', 'GROUP', ['Hayat Tahrir al-Sham', 'HTS', 'هيئة تحرير الشام']],
  ['ahrar-al-sham', 'GROUP', ['Ahrar al-Sham']],
  ['jaysh-al-sham', 'GROUP', ['Jaysh al-Sham']],
  ['jaysh-al-fatah', 'GROUP', ['Jaysh al-Fatah']],
  ['liwa-al-quds', 'GROUP', ['Liwa al-Quds']],
  ['hezbollah', 'GROUP', ['Hezbollah']],
  ['nujaba', 'GROUP', ['Harakat Hezbollah al-Nujaba']],
  ['fatemiyoun', 'GROUP', ['Liwa Fatemiyoun']],
  ['syrian-arab-army', 'GROUP', ['Syrian Arab Army', 'SAA']],
  ['islamic-state', 'GROUP', ['Islamic State', 'ISIS', 'IS']],
];

const CANDIDATES: NameCandidate[] = ENTITIES.flatMap(([entityId, entityType, names]) =>
  names.map((name) => ({ name, entityId, entityType })),
);

function ids(query: string, options?: { limit?: number; minScore?: number }): string[] {
  return rankNameMatches(query, CANDIDATES, options).map((m) => m.candidate.entityId);
}

describe('rankNameMatches', () => {
  it.each([
    ['Khan Tomaan', 'khan-touman'],
    ['Kahn Touman', 'khan-touman'],
    ['Khn Touman', 'khan-touman'],
    ['Khan Touma', 'khan-touman'],
    ['khan tou', 'khan-touman'],
    ['Nusrah', 'jabhat-al-nusra'],
    ['Jabat al Nusra', 'jabhat-al-nusra'],
    ['Rashidin', 'al-rashidin'],
    ['Rashdin', 'al-rashidin'],
    ['Layramun', 'al-layramoun'],
    ['Alleramoon', 'al-layramoun'],
    ['Khalsa', 'khalasah'],
    ['Hezbolah', 'hezbollah'],
    ['Fateyimoun', 'fatemiyoun'],
    ['Tahrir al Sham', 'hayat-tahrir-al-sham'],
    ['Kfar Dael', 'kafr-dael'],
    ['Tel Rakhem', 'tell-rakhm'],
    ['Dahyet Assad', 'dahiyat-al-assad'],
    ['Qalajia', 'qalajiyah'],
    ['hts', 'hayat-tahrir-al-sham'],
    ['isis', 'islamic-state'],
    ['النصرة', 'jabhat-al-nusra'],
  ])('ranks the right entity first for %s', (query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it('ranks al-Rashidin above al-Rashidiyah for "Rashidin" (different places)', () => {
    const result = ids('Rashidin');
    expect(result.indexOf('al-rashidin')).toBe(0);
    expect(result.indexOf('al-rashidiyah')).toBeGreaterThan(0);
  });

  it('ranks Khalasah first for "Khalsa" when only the Khalasah spelling is listed', () => {
    const candidates = CANDIDATES.filter((c) => c.name !== 'Khulsa');
    const [first] = rankNameMatches('Khalsa', candidates);
    expect(first?.candidate.name).toBe('Khalasah');
    expect(first?.score).toBeLessThan(1);
  });

  it('scores an exact key match 1 and every fuzzy match below 1', () => {
    const result = rankNameMatches('Hezbolah', CANDIDATES);
    expect(result[0]).toMatchObject({ score: 1, candidate: { entityId: 'hezbollah' } });
    expect(result.slice(1).every((m) => m.score < 1)).toBe(true);
    expect(result.map((m) => m.candidate.entityId)).toContain('nujaba');
  });

  it('puts exact matches before a fuzzy match of a longer name', () => {
    expect(ids('Hezbollah').slice(0, 2)).toEqual(['hezbollah', 'nujaba']);
  });

  it('returns results best first', () => {
    const scores = rankNameMatches('Sham', CANDIDATES).map((m) => m.score);
    expect(scores.length).toBeGreaterThan(2);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('returns one entry per entity, with the alias closest to what was typed', () => {
    const result = rankNameMatches('Khan Tuman', CANDIDATES);
    expect(result.filter((m) => m.candidate.entityId === 'khan-touman')).toHaveLength(1);
    expect(result[0]?.candidate.name).toBe('Khan Tuman');
  });

  it('matches Arabic queries against Arabic aliases only', () => {
    expect(ids('حلب')).toEqual(['aleppo']);
    expect(ids('حمص')).toEqual([]);
  });

  it('returns nothing for an unrelated query, an empty query or a zero limit', () => {
    expect(ids('xyzzy')).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids('  -- ')).toEqual([]);
    expect(ids('Khan Touman', { limit: 0 })).toEqual([]);
  });

  it('returns at most `limit` results', () => {
    expect(ids('Khan', { limit: 2 })).toHaveLength(2);
    expect(ids('Khan').length).toBeGreaterThan(2);
  });

  it('drops matches below `minScore`', () => {
    const loose = rankNameMatches('khan tou', CANDIDATES, { minScore: 0.3, limit: 50 });
    const strict = rankNameMatches('khan tou', CANDIDATES, { minScore: 0.87, limit: 50 });
    expect(loose.some((m) => m.score < 0.87)).toBe(true);
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((m) => m.score >= 0.87)).toBe(true);
  });

  it('drops weak matches by default (Homs is not offered for "Hamah" above Hama)', () => {
    const result = rankNameMatches('Hamah', CANDIDATES);
    expect(result[0]?.candidate.entityId).toBe('hama');
    expect(result.every((m) => m.score >= 0.6)).toBe(true);
  });

  it('gives a candidate the same score whatever the other candidates are', () => {
    const alone = (name: string): number | undefined =>
      rankNameMatches('Harakat Hizbalah al Nujaba', [{ name, entityId: 'x', entityType: 'GROUP' }], {
        minScore: 0,
      })[0]?.score;
    const all = rankNameMatches('Harakat Hizbalah al Nujaba', CANDIDATES, { minScore: 0, limit: 100 });
    expect(all.length).toBe(new Set(CANDIDATES.map((c) => c.entityId)).size);
    for (const match of all) expect(match.score).toBeCloseTo(alone(match.candidate.name) ?? -1, 10);
  });

  it('reports the same scores above minScore whether or not weaker candidates are pruned', () => {
    for (const query of ['Harakat Hizbalah al Nujaba', 'Khan Tomen', 'Jabat Nusra', 'Rashdin', 'Tahrir Sham']) {
      const pruned = rankNameMatches(query, CANDIDATES, { minScore: 0.6, limit: 100 });
      const unpruned = rankNameMatches(query, CANDIDATES, { minScore: 0, limit: 100 }).filter((m) => m.score >= 0.6);
      expect(pruned).toEqual(unpruned);
    }
  });

  it('ranks 5,000 candidates quickly', () => {
    const suffixes = ['Brigade', 'north', 'Battalion', 'al-Gharbi', 'Sharqi', 'Front', 'Regiment'];
    const many: NameCandidate[] = Array.from({ length: 5000 }, (_, i) => {
      const base = CANDIDATES[i % CANDIDATES.length] ?? { name: '', entityId: '', entityType: '' };
      return { ...base, name: `${base.name} ${suffixes[i % suffixes.length] ?? ''} ${i}`, entityId: `e${i}` };
    });
    const started = performance.now();
    const result = rankNameMatches('Harakat Hizballah al Nujaba', many);
    rankNameMatches('Khan Tomaan', many);
    const elapsed = performance.now() - started;
    expect(result[0]?.candidate.name).toMatch(/^Harakat Hezbollah al-Nujaba/);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('the policy for a name several entities answer to (chooseEntity)', () => {
  const entity = (id: string, reviewStatus: 'REVIEWED' | 'NEEDS_REVIEW'): NamedEntityMatch => ({
    entityType: 'Place',
    id,
    name: 'Mansoura',
    matched: 'Mansoura',
    kind: 'VILLAGE',
    reviewStatus,
    partOf: null,
  });

  it('answers the one entity, whichever of its names matched', () => {
    expect(chooseEntity([entity('a', 'NEEDS_REVIEW'), entity('a', 'NEEDS_REVIEW')])).toMatchObject({
      status: 'found',
      entity: { id: 'a' },
      passedOver: [],
    });
  });

  it('lets one reviewed entity win over import-created ones, and says which were passed over', () => {
    const chosen = chooseEntity([entity('b', 'NEEDS_REVIEW'), entity('a', 'REVIEWED'), entity('c', 'NEEDS_REVIEW')]);
    expect(chosen).toMatchObject({ status: 'found', entity: { id: 'a' } });
    expect(chosen?.status === 'found' && chosen.passedOver.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('chooses nothing between two reviewed or two unreviewed entities, listing them in id order', () => {
    for (const status of ['REVIEWED', 'NEEDS_REVIEW'] as const) {
      const chosen = chooseEntity([entity('z', status), entity('y', status)]);
      expect(chosen).toMatchObject({ status: 'ambiguous', candidates: [{ id: 'y' }, { id: 'z' }] });
    }
  });

  it('has nothing to say about no match', () => {
    expect(chooseEntity([])).toBeNull();
  });
});
