/** Reading an article against the graph: see annotate.ts. */
export { annotate, MAX_ANNOTATE_LENGTH } from './annotate.js';
export { buildNameIndex, type NameIndex } from './nameIndex.js';
export type * from './types.js';
