import { createTeamsChannel } from './teamsChannel';

/**
 * Microsoft Teams (issue 6). Everything from botbuilder lives in this folder, so that moving to Microsoft's
 * Agents SDK later touches this folder only.
 */
export const teamsChannel = createTeamsChannel();
export { createTeamsChannel, TEAMS_ENDPOINT, type TeamsChannelOptions } from './teamsChannel';
