/**
 * Whether somebot runs as a production service or as the local demo. Production means people other than
 * the operator can reach it: Slack, Teams or the sign-in console (SOMEBOT_OIDC_ISSUER) is configured, or
 * HOST is not a loopback address. Production turns on the rules a demo can do without: the data key must
 * not live inside the data directory, and `npm start` warns while /metrics has no token.
 */
export type ProductionReason = 'slack' | 'teams' | 'signIn' | 'host';

export interface DeploymentMode {
  production: boolean;
  /** Why it is production (empty for the demo), in a fixed order. */
  reasons: ProductionReason[];
}

/** What the decision looks at, as the configuration holds it. */
export interface DeploymentFacts {
  slack: { botToken?: string; signingSecret?: string; appToken?: string };
  teams: { appId?: string };
  host: string;
  /** SOMEBOT_OIDC_ISSUER, when sign-in is configured. */
  signInIssuer?: string;
}

/** True when HOST only accepts connections from this computer (127.0.0.0/8, ::1, localhost). */
export function isLoopbackAddress(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** The one place that decides demo or production. */
export function deploymentMode(facts: DeploymentFacts): DeploymentMode {
  const reasons: ProductionReason[] = [];
  const set = (value: string | undefined) => value !== undefined && value.trim() !== '';
  if (set(facts.slack.botToken) || set(facts.slack.signingSecret) || set(facts.slack.appToken)) reasons.push('slack');
  if (set(facts.teams.appId)) reasons.push('teams');
  if (set(facts.signInIssuer)) reasons.push('signIn');
  if (!isLoopbackAddress(facts.host)) reasons.push('host');
  return { production: reasons.length > 0, reasons };
}
