import { loadConfig } from '../../config';
import { createBot } from '../../app/bot';
import { CHANNEL_MODULES } from '../../server/channels';
import { startServer } from '../../server/httpServer';
import type { CliCommand } from '../command';
import { cliT } from '../cliLang';

/** `somebot start`: the bot's HTTP server with every configured channel; stops cleanly on SIGTERM/SIGINT. */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'start the server (web chat, Slack and Teams endpoints, health and metrics)',
  async run(_args, io) {
    const t = cliT();
    const config = loadConfig();
    const bot = await createBot(config);
    const running = await startServer(bot, CHANNEL_MODULES);
    io.out(t('cli:serverStarted', { url: running.url }));
    for (const line of running.banners) io.out(`  ${line}`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        io.out(t('cli:serverStopping'));
        void running.close().then(resolve);
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    return 0;
  },
};
