/**
 * Build step: `node dist/storage/makePgliteTemplate.js` makes the PGlite template (see pgliteTemplate.ts)
 * unless it exists. Run by `npm run build` and by bin/somebot.js after it rebuilds dist/.
 */
import { ensurePgliteTemplate } from './pgliteTemplate';

ensurePgliteTemplate().then(
  (dir) => console.log(`PGlite template: ${dir}`),
  (err: unknown) => {
    console.error(`PGlite template not made (new data directories will run initdb): ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
