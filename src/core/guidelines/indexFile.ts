import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../errors';
import { REPO_ROOT } from '../i18n';
import { hashContent } from './contentHash';
import { GuidelineIndex, INDEX_FORMAT, type SavedGuidelineIndex } from './guidelineIndex';

/**
 * Reads and validates the content and builds the index. The content loader (yaml, zod) is required only
 * here, so a start-up that finds a current saved index never loads it.
 */
function buildFromContent(contentDir: string): GuidelineIndex {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadGuidelineContent } = require('./guidelineContent') as typeof import('./guidelineContent');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildGuidelineIndex } = require('./guidelineIndex') as typeof import('./guidelineIndex');
  return buildGuidelineIndex(loadGuidelineContent(contentDir));
}

/** How an index came to be in memory: read from the data folder, copied from the build's, or built here. */
export type IndexOrigin = 'loaded' | 'copied-shipped' | 'built-missing' | 'built-stale';

/**
 * The index `npm run build` makes from the repository's content/ (node dist/app/makeShippedIndex.js). A new
 * data folder copies it instead of building one: a build trains the intent model and holds the content,
 * both lunr indexes and their JSON at once, which made a first start peak some 70 MB above a later one.
 */
export function shippedIndexFile(): string {
  return path.join(REPO_ROOT, 'dist', 'guideline-index.json');
}

/** Builds the index from the content folder and writes it to `file` (what `somebot index` does). */
export function buildAndSaveIndex(contentDir: string, file: string): GuidelineIndex {
  const index = buildFromContent(contentDir);
  saveIndex(index, file);
  return index;
}

export function saveIndex(index: GuidelineIndex, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(index.saved));
  fs.renameSync(tmp, file);
}

function copyIndex(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.tmp`;
  fs.copyFileSync(from, tmp);
  fs.renameSync(tmp, to);
}

/** Reads a saved index; undefined when the file is missing, unreadable, of another format or built from other content. */
export function readSavedIndex(file: string, contentHash: string): SavedGuidelineIndex | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedGuidelineIndex;
    if (saved.format !== INDEX_FORMAT || saved.contentHash !== contentHash) return undefined;
    return saved;
  } catch {
    return undefined;
  }
}

/**
 * The index for the current content: the saved one when its content hash matches, else the shipped one when
 * its hash matches (copied into `file`), else a fresh build (saved when possible, so the next start is fast).
 * The hash covers the content and the code that indexes it, so a shipped index is only taken for the very
 * content and release it was made from. Invalid content throws a ContentError naming the file.
 */
export function loadOrBuildIndex(contentDir: string, file: string, shipped: string = shippedIndexFile()): { index: GuidelineIndex; origin: IndexOrigin } {
  const hash = hashContent(contentDir);
  const saved = readSavedIndex(file, hash);
  if (saved) return { index: new GuidelineIndex(saved), origin: 'loaded' };
  const fromBuild = path.resolve(shipped) === path.resolve(file) ? undefined : readSavedIndex(shipped, hash);
  if (fromBuild) {
    try {
      copyIndex(shipped, file);
    } catch {
      // A read-only data folder: this start uses the shipped index as it is.
    }
    return { index: new GuidelineIndex(fromBuild), origin: 'copied-shipped' };
  }
  const origin: IndexOrigin = fs.existsSync(file) ? 'built-stale' : 'built-missing';
  const index = buildFromContent(contentDir);
  try {
    saveIndex(index, file);
  } catch (err) {
    if (err instanceof ContentError) throw err;
    // A read-only data folder only costs the next start a rebuild.
  }
  return { index, origin };
}
