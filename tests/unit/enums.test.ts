import fs from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { SCHEMA_ENUMS } from '../../src/domain/enums.js';

const schema = buildSchema(fs.readFileSync(`${PROJECT_ROOT}/schema.graphql`, 'utf8'));

describe('the closed sets of the model', () => {
  it.each(Object.entries(SCHEMA_ENUMS))('%s is an SDL enum with exactly the domain values', (name, set) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues().map((v) => v.name);
    expect([...values].sort()).toEqual([...set.options].sort());
  });

  it('types every field and argument that holds one of them with its enum, not String', () => {
    const fields: [string, string, string][] = [
      ['Actor', 'kind', 'ActorKind!'],
      ['Actor', 'reviewStatus', 'ReviewStatus!'],
      ['Place', 'kind', 'PlaceKind!'],
      ['Engagement', 'kind', 'EngagementKind!'],
      ['Engagement', 'outcome', 'Outcome'],
      ['Participation', 'side', 'Side!'],
      ['Participation', 'role', 'ParticipantRole'],
      ['Sponsorship', 'support', '[SupportKind!]!'],
      ['LineageEvent', 'kind', 'LineageKind!'],
      ['Affiliation', 'kind', 'AffiliationKind!'],
      ['Name', 'kind', 'NameKind!'],
      ['Source', 'kind', 'SourceKind!'],
    ];
    for (const [typeName, field, expected] of fields) {
      const type = schema.getType(typeName) as { getFields(): Record<string, { type: unknown }> };
      expect(String(type.getFields()[field]?.type), `${typeName}.${field}`).toBe(expected);
    }
  });
});
