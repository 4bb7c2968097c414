import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { REPO_ROOT } from '../core/i18n';

/**
 * A pristine PGlite data directory, made once by the build (`npm run build`, and bin/somebot.js when it
 * rebuilds dist/) and copied into every new data directory instead of running initdb there. PGlite's initdb
 * starts a second PostgreSQL instance and keeps a copy of its whole WebAssembly heap while it runs: a start on
 * a new data directory peaked at about 900 MB resident, a copy of the template's files costs next to nothing.
 * Every directory made from it shares the template's system identifier (it matters only to replication, which
 * PGlite does not do).
 */

/** The installed PGlite's version: a template is only used by the PGlite that made it. */
function pgliteVersion(): string {
  // The package's exports do not include package.json: find it next to the resolved entry point.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the version of @electric-sql/pglite');
    dir = parent;
  }
}

/** Where the build keeps the template for the installed PGlite. */
export function pgliteTemplateDir(): string {
  return path.join(REPO_ROOT, 'dist', 'pglite-template', pgliteVersion());
}

/** PGlite treats a directory with PG_VERSION as an existing database (and runs initdb otherwise). */
const MARKER = 'PG_VERSION';

/** Makes the template (initdb into a temporary directory, then a rename) unless it exists. Returns its path. */
export async function ensurePgliteTemplate(templateDir: string = pgliteTemplateDir()): Promise<string> {
  if (fs.existsSync(path.join(templateDir, MARKER))) return templateDir;
  fs.mkdirSync(path.dirname(templateDir), { recursive: true });
  const tmp = `${templateDir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const db = new PGlite(tmp);
  await db.waitReady;
  await db.close();
  try {
    fs.renameSync(tmp, templateDir);
  } catch (err) {
    // Another build made it meanwhile.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(templateDir, MARKER))) throw err;
  }
  return templateDir;
}

/**
 * Fills a new data directory from the template. Returns false, touching nothing, when `dataDir` already holds
 * a database or there is no template (PGlite then runs initdb itself). PG_VERSION is copied last, so a copy
 * cut short is never taken for a database: the next start copies again over it.
 */
export function seedFromTemplate(dataDir: string, templateDir: string = pgliteTemplateDir()): boolean {
  if (fs.existsSync(path.join(dataDir, MARKER))) return false;
  if (!fs.existsSync(path.join(templateDir, MARKER))) return false;
  for (const entry of fs.readdirSync(templateDir)) {
    if (entry === MARKER) continue;
    fs.cpSync(path.join(templateDir, entry), path.join(dataDir, entry), { recursive: true, force: true, preserveTimestamps: true });
  }
  fs.copyFileSync(path.join(templateDir, MARKER), path.join(dataDir, MARKER));
  return true;
}
