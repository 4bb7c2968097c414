import { guidelineSettings } from '../../app/guidelineRuntime';
import { buildAndSaveIndex } from '../../core/guidelines/indexFile';
import { parseArgs, type CliCommand } from '../command';
import { cliT } from '../cliLang';

/** `somebot index`: validates the content, builds the search index and saves it where start-up loads it. */
export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'build the guideline search index from content/',
  async run(args, io) {
    parseArgs(args, { positionals: false });
    const t = cliT();
    const settings = guidelineSettings();
    const started = process.hrtime.bigint();
    // Invalid content ends the command in cli.ts with a message naming the file (exit code 1).
    const index = buildAndSaveIndex(settings.contentDir, settings.indexFile);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    io.out(t('cli:indexBuilt', { passages: index.size, file: settings.indexFile, ms: ms.toFixed(0) }));
    return 0;
  },
};
