import path from 'node:path';
import { REPO_ROOT } from '../core/i18n';
import { loadOrBuildIndex, type IndexOrigin } from '../core/guidelines/indexFile';
import { DEFAULT_ANSWER_POLICY, GuidelineAnswerer } from '../core/guidelines/guidelineAnswerer';
import type { GuidelineIndex } from '../core/guidelines/guidelineIndex';
import { IntentClassifier } from '../core/intents/intentClassifier';

/** The default contact for questions the guidelines do not answer: Kyrkslätt's communications unit. */
export const DEFAULT_CONTACT = 'viestinta@kirkkonummi.fi';

export interface GuidelineSettings {
  contentDir: string;
  indexFile: string;
  contact: string;
  /** Minimum coverage (0..1) of the question by the best passage for the bot to answer. */
  answerThreshold: number;
}

/** Guideline settings from the environment: SOMEBOT_CONTENT_DIR, SOMEBOT_INDEX_FILE, SOMEBOT_DATA_DIR, SOMEBOT_CONTACT. */
export function guidelineSettings(env: NodeJS.ProcessEnv = process.env): GuidelineSettings {
  const contentDir = path.resolve(env.SOMEBOT_CONTENT_DIR || path.join(REPO_ROOT, 'content'));
  const dataDir = path.resolve(env.SOMEBOT_DATA_DIR || 'data');
  return {
    contentDir,
    indexFile: path.resolve(env.SOMEBOT_INDEX_FILE || path.join(dataDir, 'guideline-index.json')),
    contact: env.SOMEBOT_CONTACT?.trim() || DEFAULT_CONTACT,
    answerThreshold: threshold(env.SOMEBOT_ANSWER_THRESHOLD),
  };
}

function threshold(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_ANSWER_POLICY.minCoverage;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`SOMEBOT_ANSWER_THRESHOLD must be a number from 0 to 1, not "${raw}"`);
  }
  return value;
}

export interface GuidelineRuntime {
  settings: GuidelineSettings;
  index: GuidelineIndex;
  origin: IndexOrigin;
  answerer: GuidelineAnswerer;
  classifier: IntentClassifier;
}

/** Loads (or builds) the index and wires the answerer. Invalid content throws a ContentError. */
export function createGuidelineRuntime(settings: GuidelineSettings = guidelineSettings()): GuidelineRuntime {
  const { index, origin } = loadOrBuildIndex(settings.contentDir, settings.indexFile);
  const classifier = new IntentClassifier(index.saved.intentCues);
  const policy = { ...DEFAULT_ANSWER_POLICY, minCoverage: settings.answerThreshold };
  return { settings, index, origin, classifier, answerer: new GuidelineAnswerer(index, classifier, policy) };
}
