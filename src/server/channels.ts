import type { ChannelModule } from './channelModule';
import { slackChannel } from '../adapters/slack';
import { teamsChannel } from '../adapters/teams';
import { webChannel } from '../adapters/web';

/**
 * Every channel the server can carry, in notification preference order (a person reachable on several
 * platforms gets alerts on the first). Adding a platform touches this file, its adapter folder and tests.
 */
export const CHANNEL_MODULES: ChannelModule[] = [slackChannel, teamsChannel, webChannel];
