import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The content files a search index is built from, in a stable order. */
export function contentFiles(contentDir: string): string[] {
  const files: string[] = [];
  for (const sub of ['guidelines', 'search-terms', 'example-questions', 'intent-examples']) {
    const dir = path.join(contentDir, sub);
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) files.push(path.join(dir, f));
  }
  for (const f of ['glossary.yaml', 'languages.yaml', 'intents.yaml', 'scope.yaml', 'learned.yaml']) {
    if (fs.existsSync(path.join(contentDir, f))) files.push(path.join(contentDir, f));
  }
  return files;
}

/**
 * The code that turns content into a saved index (this folder and the modules it reads content with), as a
 * SHA-256 over its files as they run here (.ts under tests, .js when built). A new release that parses or
 * indexes content differently must not load an index an older release saved from the same content (it would,
 * e.g., lack cue lists the older code did not know), so this is part of the content hash. Computed once.
 */
let codeFingerprintMemo: string | undefined;
export function codeFingerprint(): string {
  if (codeFingerprintMemo) return codeFingerprintMemo;
  const hash = crypto.createHash('sha256');
  const core = path.resolve(__dirname, '..');
  for (const sub of ['guidelines', 'intents', 'language', 'text', 'content']) {
    const dir = path.join(core, sub);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (!/\.(ts|js)$/.test(f) || f.endsWith('.d.ts')) continue;
      hash.update(`${sub}/${f}`).update('\0').update(fs.readFileSync(path.join(dir, f))).update('\0');
    }
  }
  codeFingerprintMemo = hash.digest('hex');
  return codeFingerprintMemo;
}

/** SHA-256 over every file the index depends on, and the code that builds it: a saved index with another hash is stale. */
export function hashContent(contentDir: string): string {
  const hash = crypto.createHash('sha256');
  hash.update(codeFingerprint()).update('\0');
  for (const file of contentFiles(contentDir)) {
    hash.update(path.relative(contentDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
