import { sql as initial } from './001_initial';
import { sql as slack } from './002_slack';
import { sql as teams } from './003_teams';
import { sql as web } from './004_web';
import { sql as contentLoop } from './012_content_loop';
import { sql as sessionIdToken } from './014_session_id_token';
import { sql as deliveryAttempts } from './006_delivery_attempts';
import { sql as oneTruth } from './007_one_truth';
import { sql as webSessions } from './008_web_sessions';
import { sql as peopleEncrypted, data as peopleEncryptedData } from './009_people_encrypted';
import type { ContentCipher } from '../contentCipher';
import type { SqlExecutor } from '../sqlDriver';

/**
 * Schema migrations, applied in order and recorded in `schema_migrations`. They are TypeScript string
 * modules (not .sql files) so that `npm run build` carries them into dist/ with nothing to copy.
 * Never edit a migration that has shipped: add the next number.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
  /**
   * A data step run right after `sql`, in the same transaction, for changes SQL cannot make (encryption
   * needs the data key). `cipher` is undefined when the caller migrates without a key (tests on an empty
   * database); a step that finds rows to change then throws.
   */
  data?: (tx: SqlExecutor, cipher: ContentCipher | undefined) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'slack', sql: slack },
  { id: 3, name: 'teams', sql: teams },
  { id: 4, name: 'web', sql: web },
  { id: 6, name: 'delivery_attempts', sql: deliveryAttempts },
  { id: 7, name: 'one_truth', sql: oneTruth },
  { id: 8, name: 'web_sessions', sql: webSessions },
  { id: 9, name: 'people_encrypted', sql: peopleEncrypted, data: peopleEncryptedData },
  { id: 12, name: 'content_loop', sql: contentLoop },
  { id: 14, name: 'session_id_token', sql: sessionIdToken },
];
