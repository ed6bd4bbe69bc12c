/**
 * Which names a quote mentions, by the project's name keys: the rule behind the check that an
 * engagement's citations name its participants and places.
 */
import { describe, expect, it } from 'vitest';
import { mentionKeys, mentionsAnyName } from '../../src/domain/mentions.js';

const names = (...xs: string[]) => xs;

describe('mentionsAnyName', () => {
  it('finds a name however the quote spells it, as a run of whole words', () => {
    const quote = mentionKeys(['the Syrian Al-Qaeda group “Jabhat Al-Nousrah” – in coordination with their allies']);
    expect(mentionsAnyName(quote, names('Jabhat al-Nusra'))).toBe(true);
    expect(mentionsAnyName(mentionKeys(['raids on Khan Tuman and Khulsa']), names('Khantouman'))).toBe(true);
  });

  it('reads a possessive and quote marks around a word as the bare name', () => {
    expect(mentionsAnyName(mentionKeys(["Nusra's media department"]), names('Nusra'))).toBe(true);
    expect(
      mentionsAnyName(mentionKeys(['the “Turkistan Islamic Party” (Uyghur)']), names('Turkistan Islamic Party')),
    ).toBe(true);
  });

  it('does not find a name inside a longer word or across unrelated words', () => {
    expect(mentionsAnyName(mentionKeys(['the Nusrawi brigades']), names('Nusra'))).toBe(false);
    expect(mentionsAnyName(mentionKeys(['government forces regrouped']), names('Syrian Arab Army', 'SAA'))).toBe(false);
  });

  it('takes the quotes of a fact together', () => {
    const quotes = mentionKeys(['Beginning on November 6th, Syrian Arab Army (SAA)', 'Tell Mutah, Tell Rakhm']);
    expect(mentionsAnyName(quotes, names('Tall Rakhm'))).toBe(true);
    expect(mentionsAnyName(quotes, names('SAA'))).toBe(true);
  });
});
