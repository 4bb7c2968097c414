import type { TFunction } from 'i18next';
import type { Config } from '../../config';
import type { Platform } from '../../core/directory/directory';
import { isLoopbackHost, webConsoleMode } from '../../adapters/web/loopback';

/** Whether a channel has what it needs to start, and if not, why (a translated phrase). */
export interface ChannelRequirement {
  name: Platform;
  ready: boolean;
  reason?: string;
}

/**
 * What each channel needs from the environment, for `somebot config check` and the start-up lines of
 * channels that stay off. Mirrors the documented rules (README): Slack needs SLACK_BOT_TOKEN plus
 * SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode); Teams needs MICROSOFT_APP_ID and
 * MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID for SingleTenant), or SOMEBOT_DEV=1 on a loopback HOST.
 * The adapters themselves decide at start; this only explains.
 */
export function channelRequirements(config: Config, t: TFunction): ChannelRequirement[] {
  const missing = (names: string[]): ChannelRequirement['reason'] => t('ops:off.missing', { variables: names.join(', ') });

  const web = webConsoleMode(config);
  const webOff = { disabled: () => t('ops:off.disabled'), not_loopback: () => t('ops:off.notLoopback', { host: config.server.host }), other_channels: () => t('console:off.otherChannels') };
  const webReq: ChannelRequirement = web.on ? { name: 'web', ready: true } : { name: 'web', ready: false, reason: webOff[web.reason]() };

  const slackMissing: string[] = [];
  if (!config.slack.botToken) slackMissing.push('SLACK_BOT_TOKEN');
  if (!config.slack.signingSecret && !config.slack.appToken) {
    slackMissing.push(t('ops:off.either', { first: 'SLACK_SIGNING_SECRET', second: 'SLACK_APP_TOKEN' }));
  }
  const slackReq: ChannelRequirement =
    slackMissing.length === 0 ? { name: 'slack', ready: true } : { name: 'slack', ready: false, reason: missing(slackMissing) };

  const teamsMissing: string[] = [];
  if (!config.teams.appId) teamsMissing.push('MICROSOFT_APP_ID');
  if (!config.teams.appPassword && config.teams.appType !== 'UserAssignedMSI') teamsMissing.push('MICROSOFT_APP_PASSWORD');
  if (config.teams.appType === 'SingleTenant' && !config.teams.tenantId) teamsMissing.push('MICROSOFT_APP_TENANT_ID');
  const devEmulator = config.teams.dev && isLoopbackHost(config.server.host);
  const teamsReq: ChannelRequirement =
    teamsMissing.length === 0 || devEmulator ? { name: 'teams', ready: true } : { name: 'teams', ready: false, reason: missing(teamsMissing) };

  return [webReq, slackReq, teamsReq];
}
