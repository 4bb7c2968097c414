#!/usr/bin/env node
// Launcher: rebuilds dist/ when a source file is newer than the last build (and then makes the PGlite template
// new data directories are copied from, see src/storage/pgliteTemplate.ts), then runs the CLI.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return newestMtime(path.join(root, 'src')) > built;
}

if (isStale()) {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  fs.utimesSync(stamp, new Date(), new Date());
  try {
    execFileSync(process.execPath, [path.join(root, 'dist', 'storage', 'makePgliteTemplate.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // Said on stderr; without a template a new data directory runs initdb, which works but takes more memory.
  }
}

require(path.join(root, 'dist', 'cli.js'))
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
