#!/usr/bin/env node
// Launcher: runs the built CLI in dist/. It never compiles: `npm install` builds dist/ once (the `prepare`
// script), and `npm run build` rebuilds it after a change to src/. Without dist/ it says how to build.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');

/** The launcher's one message, in the CLI's language (SOMEBOT_LANG, else the locale), from locales/. */
function notBuiltMessage() {
  const raw = (process.env.SOMEBOT_LANG || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').toLowerCase();
  const lang = raw.startsWith('sv') ? 'sv' : raw.startsWith('fi') ? 'fi' : 'en';
  try {
    const texts = JSON.parse(fs.readFileSync(path.join(root, 'locales', lang, 'security.json'), 'utf8'));
    return texts.build.notBuilt.replace('{{dir}}', root);
  } catch {
    return `somebot is not built: run \`npm install\` (or \`npm run build\`) in ${root}.`;
  }
}

if (!fs.existsSync(cli)) {
  console.error(notBuiltMessage());
  process.exitCode = 1;
} else {
  require(cli)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    });
}
