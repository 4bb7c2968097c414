import type { Config } from '../config';
import { cliLang } from '../cli/cliLang';
import { translator } from '../core/i18n';
import type { Platform } from '../core/directory/directory';
import type { ChannelModule, MountedChannel } from './channelModule';
import { selectSlackTransport } from '../adapters/slack/transport/selectTransport';
import { teamsMode } from '../adapters/teams/teamsMode';
import { webChannel } from '../adapters/web';

/**
 * A platform channel whose module — and with it Bolt or botbuilder, together about 60 MB resident — is loaded
 * only when its settings turn it on. `isOn` is the module's own first decision (it throws on settings that
 * cannot work, as the module does); `whenOff` is what the module answers when it is off.
 */
function loadedWhenOn(name: Platform, isOn: (config: Config) => boolean, load: () => ChannelModule, whenOff: () => MountedChannel | undefined): ChannelModule {
  return {
    name,
    async mount(app, bot) {
      return isOn(bot.config) ? load().mount(app, bot) : whenOff();
    },
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
const slackChannel = loadedWhenOn(
  'slack',
  (config) => selectSlackTransport(config.slack).kind !== 'off',
  () => (require('../adapters/slack') as typeof import('../adapters/slack')).slackChannel,
  () => undefined,
);
const teamsChannel = loadedWhenOn(
  'teams',
  (config) => teamsMode(config).kind !== 'off',
  () => (require('../adapters/teams') as typeof import('../adapters/teams')).teamsChannel,
  () => ({ banner: translator(cliLang())('teams:banner.off') }),
);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Every channel the server can carry, in notification preference order (a person reachable on several
 * platforms gets alerts on the first). Adding a platform touches this file, its adapter folder and tests.
 */
export const CHANNEL_MODULES: ChannelModule[] = [slackChannel, teamsChannel, webChannel];
