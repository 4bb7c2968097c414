import { sql as initial } from './001_initial';
import { sql as slack } from './002_slack';
import { sql as teams } from './003_teams';
import { sql as web } from './004_web';
import { sql as contentLoop } from './012_content_loop';
import { sql as deliveryAttempts } from './006_delivery_attempts';
import { sql as oneTruth } from './007_one_truth';
import { sql as webSessions } from './008_web_sessions';

/**
 * Schema migrations, applied in order and recorded in `schema_migrations`. They are TypeScript string
 * modules (not .sql files) so that `npm run build` carries them into dist/ with nothing to copy.
 * Never edit a migration that has shipped: add the next number.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'slack', sql: slack },
  { id: 3, name: 'teams', sql: teams },
  { id: 4, name: 'web', sql: web },
  { id: 6, name: 'delivery_attempts', sql: deliveryAttempts },
  { id: 7, name: 'one_truth', sql: oneTruth },
  { id: 8, name: 'web_sessions', sql: webSessions },
  { id: 12, name: 'content_loop', sql: contentLoop },
];
