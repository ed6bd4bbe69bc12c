/**
 * npm run eval:annotate -- TEXT GOLD.json [--published YYYY[-MM[-DD]]] [--quiet]
 *
 * Annotates TEXT with the names of the founding dataset (the data files the graph is loaded
 * from, so no database is needed) and prints precision and recall of the mentions, of the linked
 * mentions and of the distinct entities against GOLD.json, then the misses and the spurious
 * mentions. Pass "-" as TEXT to use the text the gold file names.
 */
import { nameIndexOfDataset } from '../src/annotate/datasetIndex.js';
import { evaluateGoldFile, formatEvaluation } from '../src/annotate/evaluation.js';
import { readDataset } from '../src/dataset/read.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const published = flag('--published');
const quiet = args.includes('--quiet');
const [textPath, goldPath] = args.filter((a) => a !== '--quiet');
if (textPath === undefined || goldPath === undefined) {
  console.error('usage: npm run eval:annotate -- TEXT GOLD.json [--published YYYY[-MM[-DD]]] [--quiet]');
  process.exit(2);
}
const index = nameIndexOfDataset(await readDataset());
const evaluation = evaluateGoldFile(goldPath, index, {
  ...(textPath === '-' ? {} : { textPath }),
  ...(published === undefined ? {} : { published }),
});
console.log(formatEvaluation(`${textPath === '-' ? goldPath : textPath} against ${goldPath}`, evaluation, !quiet));
