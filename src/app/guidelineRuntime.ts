import { loadConfig } from '../config';
import { loadOrBuildIndex, type IndexOrigin } from '../core/guidelines/indexFile';
import { DEFAULT_ANSWER_POLICY, GuidelineAnswerer } from '../core/guidelines/guidelineAnswerer';
import type { GuidelineIndex } from '../core/guidelines/guidelineIndex';
import { IntentClassifier } from '../core/intents/intentClassifier';

export interface GuidelineSettings {
  contentDir: string;
  indexFile: string;
  contact: string;
  /** Minimum coverage (0..1) of the question by the best passage for the bot to answer. */
  answerThreshold: number;
}

/** Guideline settings from the environment (see src/config.ts); an invalid value throws a ConfigError. */
export function guidelineSettings(env: NodeJS.ProcessEnv = process.env): GuidelineSettings {
  const { guidelines } = loadConfig(env);
  return {
    contentDir: guidelines.contentDir,
    indexFile: guidelines.indexFile,
    contact: guidelines.contact,
    answerThreshold: guidelines.answerThreshold ?? DEFAULT_ANSWER_POLICY.inScope.minCoverage,
  };
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
  const policy = { ...DEFAULT_ANSWER_POLICY, inScope: { ...DEFAULT_ANSWER_POLICY.inScope, minCoverage: settings.answerThreshold } };
  return { settings, index, origin, classifier, answerer: new GuidelineAnswerer(index, classifier, policy) };
}
