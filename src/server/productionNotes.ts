import path from 'node:path';
import type { TFunction } from 'i18next';
import type { Config } from '../config';
import { DATA_KEY_FILE } from '../storage/dataKey';

/**
 * What `somebot start` says about the deployment mode after its banner: in production why it is
 * production, and a warning while /metrics has no token; in the demo, that the data key is the data
 * directory's own file.
 */
export function productionNotes(
  config: Pick<Config, 'deployment' | 'metricsToken' | 'dataKeySource' | 'dataDir'>,
  t: TFunction,
): { text: string; warning: boolean }[] {
  const notes: { text: string; warning: boolean }[] = [];
  if (config.deployment.production) {
    const reasons = config.deployment.reasons.map((r) => t(`security:reason.${r}`)).join(', ');
    notes.push({ text: t('security:start.production', { reasons }), warning: false });
    if (!config.metricsToken) notes.push({ text: t('security:start.metricsTokenMissing'), warning: true });
  } else if (config.dataKeySource.kind === 'dataDir') {
    notes.push({ text: t('security:start.demoKey', { file: path.join(config.dataDir, DATA_KEY_FILE) }), warning: false });
  }
  return notes;
}
