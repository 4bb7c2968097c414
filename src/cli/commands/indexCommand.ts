import { guidelineSettings } from '../../app/guidelineRuntime';
import { buildAndSaveIndex } from '../../core/guidelines/indexFile';
import { isContentError } from '../../core/errors';
import type { CliCommand } from '../command';
import { cliT } from '../cliLang';

/** `somebot index`: validates the content, builds the search index and saves it where start-up loads it. */
export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'build the guideline search index from content/',
  async run(_args, io) {
    const t = cliT();
    const settings = guidelineSettings();
    const started = process.hrtime.bigint();
    try {
      const index = buildAndSaveIndex(settings.contentDir, settings.indexFile);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      io.out(t('cli:indexBuilt', { passages: index.size, file: settings.indexFile, ms: ms.toFixed(0) }));
      return 0;
    } catch (err) {
      if (isContentError(err)) {
        io.err(t('cli:invalidContent', { message: err.message }));
        return 1;
      }
      throw err;
    }
  },
};
