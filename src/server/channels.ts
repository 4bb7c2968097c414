import type { ChannelModule } from './channelModule';

/**
 * Every channel the server can carry, in notification preference order (a person reachable on several
 * platforms gets alerts on the first). Adding a platform touches this file, its adapter folder and tests.
 */
export const CHANNEL_MODULES: ChannelModule[] = [];
