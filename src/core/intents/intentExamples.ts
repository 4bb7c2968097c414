import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../yamlFile';
import { DETECTABLE_CATEGORIES, type DetectableCategory } from '../reports/categories';
import type { IntentTrainingSet } from './intentModel';

/** One message per line; blank lines are skipped. */
const lines = z
  .string()
  .default('')
  .transform((block) =>
    block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
  );

/** content/intent-examples/<lang>.yaml: example report messages per category, and questions that stay questions. */
export const intentExamplesSchema = z.object({
  reports: z.object(Object.fromEntries(DETECTABLE_CATEGORIES.map((c) => [c, lines])) as Record<DetectableCategory, typeof lines>).strict(),
  questions: lines,
});

/** Reads every YAML file of content/intent-examples (none when the folder is missing); errors name the file and field. */
export function loadIntentExamples(dir: string): Omit<IntentTrainingSet, 'asked'> {
  const set: Omit<IntentTrainingSet, 'asked'> = { reports: [], questions: [] };
  if (!fs.existsSync(dir)) return set;
  for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const examples = readYamlFile(path.join(dir, file), intentExamplesSchema);
    for (const category of DETECTABLE_CATEGORIES) for (const text of examples.reports[category]) set.reports.push({ text, category });
    set.questions.push(...examples.questions);
  }
  return set;
}
