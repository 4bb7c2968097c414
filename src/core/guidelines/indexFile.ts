import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../errors';
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

/** How an index came to be in memory. */
export type IndexOrigin = 'loaded' | 'built-missing' | 'built-stale';

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
 * The index for the current content: the saved one when its content hash matches, else a fresh build (which
 * is saved when possible, so the next start is fast). Invalid content throws a ContentError naming the file.
 */
export function loadOrBuildIndex(contentDir: string, file: string): { index: GuidelineIndex; origin: IndexOrigin } {
  const hash = hashContent(contentDir);
  const saved = readSavedIndex(file, hash);
  if (saved) return { index: new GuidelineIndex(saved), origin: 'loaded' };
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
