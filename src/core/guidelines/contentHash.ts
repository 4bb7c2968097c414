import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The content files a search index is built from, in a stable order. */
export function contentFiles(contentDir: string): string[] {
  const files: string[] = [];
  for (const sub of ['guidelines', 'search-terms', 'example-questions']) {
    const dir = path.join(contentDir, sub);
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) files.push(path.join(dir, f));
  }
  for (const f of ['glossary.yaml', 'languages.yaml', 'intents.yaml', 'scope.yaml', 'learned.yaml']) {
    if (fs.existsSync(path.join(contentDir, f))) files.push(path.join(contentDir, f));
  }
  return files;
}

/** SHA-256 over every file the index depends on: a saved index with another hash is stale. */
export function hashContent(contentDir: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of contentFiles(contentDir)) {
    hash.update(path.relative(contentDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
