import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { configProblemText, isConfigError, loadConfig } from '../../config';
import { translator } from '../../core/i18n';
import { isDataDirInUseError } from '../../storage/dataDirLock';
import { DATA_KEY_FILE, resolveKeyRing, writeDataDirKeys } from '../../storage/dataKey';
import { rotateKeys } from '../../storage/keyRotation';
import { migrate } from '../../storage/migrate';
import { openDatabase } from '../../storage/openStore';
import { parseArgs, type CliCommand } from '../command';
import { cliLang } from '../cliLang';

/**
 * `somebot keys rotate [--new-key] [--batch N]`: re-encrypts every encrypted value (report content,
 * outcome notes, who reported whom, dialog state) under the current data key and recomputes the blind
 * index. Production: set the new key in SOMEBOT_DATA_KEY (or SOMEBOT_DATA_KEY_FILE) and the old one in
 * SOMEBOT_DATA_KEY_OLD on every process, then run this once; afterwards the old key can go. The embedded
 * demo: `--new-key` makes the new key in the data directory's key file (kept with the old one until the
 * rotation has finished). Exit code 0 when every value uses the current key, 1 on failure, 2 on wrong usage.
 */
export function keysCommand(deps: { env?: NodeJS.ProcessEnv } = {}): CliCommand {
  return {
    name: 'keys',
    summary: 'data keys: rotate (re-encrypt every stored value with the current key) [--new-key]',
    async run(args, io) {
      const env = deps.env ?? process.env;
      const t = translator(cliLang(env));
      const { flags, rest } = parseArgs(args, { valued: ['batch'], switches: ['new-key'] });
      const batchSize = flags.batch === undefined ? 200 : Number(flags.batch);
      if (rest[0] !== 'rotate' || rest.length !== 1 || !Number.isInteger(batchSize) || batchSize < 1) {
        io.err(t('security:keys.usage'));
        return 2;
      }
      let config;
      try {
        config = loadConfig(env);
      } catch (err) {
        if (!isConfigError(err)) throw err;
        io.err(t('admin:errors.config', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
        return 1;
      }
      const newKey = flags['new-key'] === true;
      if (newKey && config.dataKeySource.kind !== 'dataDir') {
        io.err(t('security:keys.newKeyOnlyDemo'));
        return 2;
      }
      let ring = resolveKeyRing({ dataKey: config.dataKey, oldDataKeys: config.oldDataKeys, dataDir: config.dataDir });
      if (newKey) {
        // The new key goes first; the old ones stay readable until every value has moved.
        const fresh = randomBytes(32);
        writeDataDirKeys(config.dataDir, [fresh, ring.current, ...ring.old]);
        ring = { current: fresh, old: [ring.current, ...ring.old] };
        io.out(t('security:keys.newKeyWritten', { file: path.join(config.dataDir, DATA_KEY_FILE) }));
      }
      let opened;
      try {
        opened = await openDatabase({ ...config, dataKey: ring.current, oldDataKeys: ring.old });
      } catch (err) {
        if (isDataDirInUseError(err)) {
          io.err(t('admin:errors.dataDirInUse', { dir: err.dir, pid: err.pid }));
          return 1;
        }
        throw err;
      }
      const { driver, cipher } = opened;
      try {
        await migrate(driver, undefined, cipher);
        const result = await rotateKeys(driver, cipher, { batchSize });
        io.out(t('security:keys.rotated', { changed: result.changed, total: result.total, keyId: cipher.keyId }));
        for (const c of result.columns) io.out(t('security:keys.column', c));
        if (newKey) writeDataDirKeys(config.dataDir, [ring.current]);
        io.out(t('security:keys.oldKeysRemovable'));
        return 0;
      } catch (err) {
        io.err(t('security:keys.failed', { reason: err instanceof Error ? err.message : String(err) }));
        return 1;
      } finally {
        await driver.close();
      }
    },
  };
}
