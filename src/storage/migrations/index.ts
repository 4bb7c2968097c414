import { sql as initial } from './001_initial';

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

export const MIGRATIONS: readonly Migration[] = [{ id: 1, name: 'initial', sql: initial }];
