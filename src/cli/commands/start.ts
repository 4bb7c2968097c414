import { configProblemText, isConfigError, loadConfig, productionKeyProblem } from '../../config';
import { createBot } from '../../app/bot';
import { translator } from '../../core/i18n';
import { errorFields } from '../../core/logger';
import { isDataDirInUseError } from '../../storage/dataDirLock';
import { CHANNEL_MODULES } from '../../server/channels';
import { startServer, type RunningServer } from '../../server/httpServer';
import { limitHeapGrowth } from '../../server/heapGrowth';
import { channelRequirements } from '../../server/ops/channelRequirements';
import { loadDotEnv } from '../../server/ops/dotEnv';
import { createPinoLogger } from '../../server/ops/pinoLogger';
import { parseArgs, type CliCommand, type CliIo } from '../command';
import { cliLang } from '../cliLang';
import { productionNotes } from '../../server/productionNotes';

/**
 * `somebot start` (`npm start`): the bot's one HTTP server with every configured channel, /healthz, /readyz
 * and /metrics. Reads `.env` when there is one. Prints where to open the web chat and which channels are
 * on (and for those that are off, what they miss). Logs are JSON lines on stderr. SIGTERM or SIGINT stops
 * it gracefully (see RunningServer.close); a second signal stops it at once.
 */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'start the server (web chat, Slack and Teams endpoints, health and metrics)',
  async run(args, io) {
    parseArgs(args, { positionals: false });
    const t = translator(cliLang());
    loadDotEnv();
    let config;
    try {
      config = loadConfig();
    } catch (err) {
      if (!isConfigError(err)) throw err;
      io.err(t('ops:start.configInvalid', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
      return 1;
    }
    const keyProblem = productionKeyProblem(config);
    if (keyProblem) {
      io.err(t('ops:start.configInvalid', { variable: keyProblem.variable, problem: configProblemText(keyProblem.problem, undefined, t) }));
      return 1;
    }
    const logger = createPinoLogger(config.logLevel);
    limitHeapGrowth();
    let running: RunningServer;
    try {
      const bot = await createBot(config, { logger });
      try {
        running = await startServer(bot, CHANNEL_MODULES);
      } catch (err) {
        await bot.close().catch(() => undefined);
        throw err;
      }
    } catch (err) {
      logger.error('start_failed', errorFields(err));
      if (isDataDirInUseError(err)) io.err(t('admin:errors.dataDirInUse', { dir: err.dir, pid: err.pid }));
      else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') io.err(t('ops:start.portInUse', { port: config.server.port, host: config.server.host }));
      else io.err(t('ops:start.failed', { reason: err instanceof Error ? err.message : String(err) }));
      return 1;
    }
    printBanner(io, running, config, t);
    for (const note of productionNotes(config, t)) (note.warning ? io.err : io.out)(note.text);
    await untilSignal(io, running, t);
    return 0;
  },
};

function printBanner(io: CliIo, running: RunningServer, config: Parameters<typeof channelRequirements>[0], t: ReturnType<typeof translator>): void {
  io.out(t('ops:start.listening', { url: running.url }));
  const web = running.channels.find((c) => c.name === 'web');
  if (web?.on) io.out(t('ops:start.openChat', { url: config.signIn ? `${config.signIn.publicUrl}/` : `${running.url}${web.openPath ?? '/'}` }));
  const requirements = channelRequirements(config, t);
  for (const c of running.channels) {
    const channel = t(`ops:channel.${c.name}`);
    if (c.on) {
      io.out(`  ${c.banner ?? t('ops:start.channelOn', { channel })}`);
      continue;
    }
    const reason = requirements.find((r) => r.name === c.name)?.reason;
    io.out(`  ${t('ops:start.channelOff', { channel, reason: reason ?? '–' })}`);
  }
}

/** Resolves once a SIGTERM/SIGINT has stopped the server; a second signal exits at once. */
function untilSignal(io: CliIo, running: RunningServer, t: ReturnType<typeof translator>): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) {
        io.err(t('ops:start.forced'));
        process.exit(1);
      }
      stopping = true;
      io.out(t('ops:start.stopping'));
      void running.close().then(() => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        io.out(t('ops:start.stopped'));
        resolve();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
