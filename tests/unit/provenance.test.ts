/**
 * The provenance and fact rules of src/domain, which the data files' loader and every mutation
 * call: no database needed.
 */
import { describe, expect, it } from 'vitest';
import { idClash, idsSharedAcrossKinds } from '../../src/domain/facts.js';
import { backwardsPeriodProblem } from '../../src/domain/fuzzyDate.js';
import { citationProblem, contestedProblem, locationSourceProblem } from '../../src/domain/provenance.js';

const TEXT = 'The offensive was led by Jabhat al-Nusra,\nwho employed multiple SVBEIDs across the front.';

describe('citations', () => {
  it('an article quote must appear in its text, whitespace aside and nothing else', () => {
    const article = { kind: 'ARTICLE' as const, text: TEXT };
    expect(citationProblem('a', 'led by Jabhat al-Nusra, who employed', article)).toBeUndefined();
    expect(citationProblem('a', 'led by Jabhat al-Nusra who employed', article)).toMatchObject({ field: 'quote' });
    expect(citationProblem('a', 'LED BY JABHAT AL-NUSRA', article)).toMatchObject({ field: 'quote' });
  });

  it('an article needs a quote; a reference or dataset vouches for the fact without one; an unknown source is named', () => {
    expect(citationProblem('a', undefined, { kind: 'ARTICLE', text: TEXT })).toMatchObject({ field: 'quote' });
    expect(citationProblem('r', undefined, { kind: 'REFERENCE' })).toBeUndefined();
    expect(citationProblem('d', undefined, { kind: 'DATASET' })).toBeUndefined();
    expect(citationProblem('x', 'q', undefined)?.field).toBe('source');
    expect(citationProblem('x', 'q', undefined)?.message).toContain('"x"');
  });
});

describe('facts', () => {
  it('a contested fact says what is disputed', () => {
    expect(contestedProblem(true, undefined)).toMatchObject({ field: 'contestedNote' });
    expect(contestedProblem(true, '  ')).toMatchObject({ field: 'contestedNote' });
    expect(contestedProblem(true, 'the video shows fighting')).toBeUndefined();
    expect(contestedProblem(false, undefined)).toBeUndefined();
  });

  it('a period runs forwards, each end read at its widest', () => {
    expect(backwardsPeriodProblem('2016-07', '2016')).toBeUndefined();
    expect(backwardsPeriodProblem('2016-07-28', '2016-07')).toBeUndefined();
    expect(backwardsPeriodProblem('2016-08', '2016-07')).toMatch(/before it begins/);
    expect(backwardsPeriodProblem(undefined, '2016-07')).toBeUndefined();
  });

  it('coordinates come only from a gazetteer', () => {
    expect(locationSourceProblem('ocha', 'DATASET')).toBeUndefined();
    expect(locationSourceProblem('000', 'ARTICLE')).toMatch(/never guessed/);
    expect(locationSourceProblem('nope', undefined)).toMatch(/no source/);
  });

  it('one id, one node of any kind: only the very node re-sent may reuse it', () => {
    const place = { label: 'Place' as const, name: 'Khan Touman' };
    expect(idClash(place, [])).toBeUndefined();
    expect(idClash(place, [place])).toBeUndefined();
    expect(idClash(place, [{ label: 'Actor', name: 'Khan Touman' }])).toEqual({ label: 'Actor', name: 'Khan Touman' });
    expect(idClash(place, [{ label: 'Place', name: 'Khan Tuman' }])).toBeDefined();
    expect(
      idsSharedAcrossKinds([
        ['Actor', ['syria', 'turkey']],
        ['Place', ['syria', 'aleppo']],
        ['Weapon', ['grad']],
      ]),
    ).toEqual(new Map([['syria', ['Actor', 'Place']]]));
  });
});
