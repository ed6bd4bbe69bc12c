import { describe, expect, it } from 'vitest';
import { cypherName, cypherString, cypherValue } from '../../src/export/cypherFormat.js';
import { decodeProperties, UnsupportedPropertyError } from '../../src/export/graph.js';
import { xmlText } from '../../src/export/graphmlFormat.js';
import { encodeProperties, pointMap } from '../../src/export/jsonFormat.js';

describe('Cypher literals', () => {
  it('escapes quotes, backslashes and line breaks so a statement stays one line', () => {
    expect(cypherString('Hay\'at \\ "Tahrir"\nal-Sham\t')).toBe("'Hay\\'at \\\\ \"Tahrir\"\\nal-Sham\\t'");
    expect(cypherString('\u0001\u2028')).toBe("'\\u0001\\u2028'");
    expect(cypherString('هيئة تحرير الشام')).toBe("'هيئة تحرير الشام'");
  });

  it('backquotes names that are not plain identifiers', () => {
    expect(cypherName('Actor')).toBe('Actor');
    expect(cypherName('location.latitude')).toBe('`location.latitude`');
    expect(cypherName('odd`name')).toBe('`odd``name`');
  });

  it('writes each type as a literal of that type', () => {
    expect(cypherValue('FLOAT', 36)).toBe('36.0');
    expect(cypherValue('FLOAT', 36.11696)).toBe('36.11696');
    expect(cypherValue('FLOAT', 1e21)).toBe('1e21');
    expect(cypherValue('INTEGER', 42)).toBe('42');
    expect(cypherValue('BOOLEAN', false)).toBe('false');
    expect(cypherValue('LIST<STRING>', ['a', "b'c"])).toBe("['a', 'b\\'c']");
    expect(cypherValue('LIST<NOTHING>', [])).toBe('[]');
    expect(cypherValue('POINT', { srid: 4326, x: 37, y: 36.5 })).toBe('point({srid: 4326, x: 37.0, y: 36.5})');
    expect(() => cypherValue('FLOAT', Number.NaN)).toThrow();
  });
});

describe('XML text', () => {
  it('escapes markup and replaces characters XML 1.0 cannot hold', () => {
    expect(xmlText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(xmlText('a\u0001b')).toBe('a\uFFFDb');
  });
});

describe('JSON properties', () => {
  it('states the types JSON cannot tell, and writes points as the maps point() takes', () => {
    const properties = decodeProperties(
      [
        { key: 'name', type: 'STRING NOT NULL', value: 'Khan Touman' },
        { key: 'weight', type: 'FLOAT NOT NULL', value: 2 },
        { key: 'location', type: 'POINT NOT NULL', value: { srid: 4326, x: 37.05103, y: 36.11696 } },
      ],
      'Place khan-touman',
    );
    expect(encodeProperties(properties)).toEqual({
      properties: { location: { latitude: 36.11696, longitude: 37.05103 }, name: 'Khan Touman', weight: 2 },
      types: { location: 'POINT', weight: 'FLOAT' },
    });
    expect(pointMap({ srid: 7203, x: 1, y: 2 })).toEqual({ x: 1, y: 2 });
    expect(pointMap({ srid: 4979, x: 1, y: 2, z: 3 })).toEqual({ latitude: 2, longitude: 1, height: 3 });
  });

  it('refuses property types the formats cannot carry, rather than dropping them', () => {
    expect(() => decodeProperties([{ key: 'at', type: 'DATE NOT NULL', value: {} }], 'Engagement e')).toThrow(
      UnsupportedPropertyError,
    );
  });
});
