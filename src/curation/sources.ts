/** Sources: articles (with the text quotes are checked against), references and datasets. */
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { storedFuzzyDate } from '../db/storedValues.js';
import { badInput, userError } from '../errors.js';
import type { SourceInput } from '../schema/types.js';
import type { SourceRow } from '../db/rows.js';
import { MAX_LENGTH, optionalFuzzyDate, optionalText, text } from './validate.js';
import { type Written, recordChange } from './edit.js';

export async function addSource(executor: Executor, viewer: Viewer, input: SourceInput): Promise<Written> {
  const id = text(input.id, 'input.id', MAX_LENGTH.id);
  if (!/^[A-Za-z0-9_.-]+$/.test(id)) throw badInput('input.id', 'use letters, digits, _ . or - only');
  const kind = input.kind;
  const sourceText = optionalText(input.text, 'input.text', MAX_LENGTH.text);
  if (kind === 'ARTICLE' && sourceText === undefined)
    throw badInput('input.text', 'an article needs its full text, so quotes can be checked');
  const url = optionalText(input.url, 'input.url', MAX_LENGTH.note);
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw badInput('input.url', 'must be an http(s) URL');
  const props = {
    kind,
    title: text(input.title, 'input.title', MAX_LENGTH.name),
    publisher: optionalText(input.publisher, 'input.publisher', MAX_LENGTH.name) ?? null,
    author: optionalText(input.author, 'input.author', MAX_LENGTH.name) ?? null,
    url: url ?? null,
    text: sourceText ?? null,
    ...storedFuzzyDate('published', optionalFuzzyDate(input.published, 'input.published')),
    publishedNote: optionalText(input.publishedNote, 'input.publishedNote', MAX_LENGTH.note) ?? null,
    perspective: optionalText(input.perspective, 'input.perspective', MAX_LENGTH.note) ?? null,
  };
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('sources-by-id', { ids: [id] });
    const current = existing?.['source'] as SourceRow | undefined;
    if (current !== undefined && (current.text ?? null) !== props.text) {
      // Quotes were checked against the old text: it cannot change under them.
      throw userError('CONFLICT', `input.id: source "${id}" already exists with another text`, {
        argument: 'input.id',
      });
    }
    await run('load-sources', { rows: [{ id, props }] });
    await recordChange(run, viewer, {
      operation: 'sourceAdd',
      input,
      entityIds: [id],
      summary: `Source ${props.title}`,
    });
    return { id };
  });
}
