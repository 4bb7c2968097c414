/**
 * Build step: `node dist/app/makeShippedIndex.js` builds the guideline index of the repository's content/
 * into dist/guideline-index.json, which a new data folder copies instead of building its own (see
 * loadOrBuildIndex). Run by `npm run build`; a failure here (invalid content) fails the build with the
 * content error, as a start would.
 */
import path from 'node:path';
import { REPO_ROOT } from '../core/i18n';
import { buildAndSaveIndex, shippedIndexFile } from '../core/guidelines/indexFile';

try {
  const index = buildAndSaveIndex(path.join(REPO_ROOT, 'content'), shippedIndexFile());
  console.log(`Guideline index: ${shippedIndexFile()} (${index.passages.size} passages)`);
} catch (err) {
  console.error(`Guideline index not built (each new data folder will build its own): ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
