import { loadConfig } from '../config';
import { loadOrBuildIndex, type IndexOrigin } from '../core/guidelines/indexFile';
import { DEFAULT_ANSWER_POLICY, GuidelineAnswerer } from '../core/guidelines/guidelineAnswerer';
import type { GuidelineIndex } from '../core/guidelines/guidelineIndex';
import { IntentClassifier } from '../core/intents/intentClassifier';
import { buildGuidelineIndex } from '../core/guidelines/guidelineIndex';
import type { LearnedContent } from '../core/content/learnedContent';
import { LearnedContacts } from '../core/content/learnedContacts';

export interface GuidelineSettings {
  contentDir: string;
  indexFile: string;
  contact: string;
  /** Minimum coverage (0..1) of the question by the best passage for the bot to answer. */
  answerThreshold: number;
  /** The deployment's organisation id (SOMEBOT_ORGANISATION): its own documents rank first. */
  organisation?: string;
}

/** Guideline settings from the environment (see src/config.ts); an invalid value throws a ConfigError. */
export function guidelineSettings(env: NodeJS.ProcessEnv = process.env): GuidelineSettings {
  const { guidelines } = loadConfig(env);
  return {
    contentDir: guidelines.contentDir,
    indexFile: guidelines.indexFile,
    contact: guidelines.contact,
    answerThreshold: guidelines.answerThreshold ?? DEFAULT_ANSWER_POLICY.inScope.minCoverage,
    ...(guidelines.organisation ? { organisation: guidelines.organisation } : {}),
  };
}

export interface GuidelineRuntime {
  settings: GuidelineSettings;
  /** The index answers come from now (replaced when content owners teach something). */
  index: GuidelineIndex;
  origin: IndexOrigin;
  answerer: GuidelineAnswerer;
  classifier: IntentClassifier;
}

/**
 * Rebuilds the index from content/ with `learned` (what content owners taught, from the database) on top and
 * answers from it from now on, without a restart. A teaching for a passage the content no longer has is left
 * out (and returned), never fatal.
 */
export function teachRuntime(runtime: GuidelineRuntime, learned: LearnedContent): { skipped: number } {
  const known = learned.exampleQuestions.filter((q) => runtime.index.passages.has(q.passageId));
  const usable = { ...learned, exampleQuestions: known };
  // The content loader (yaml, zod) is required here only: a start that loads a saved index never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadGuidelineContent } = require('../core/guidelines/guidelineContent') as typeof import('../core/guidelines/guidelineContent');
  const index = buildGuidelineIndex(loadGuidelineContent(runtime.settings.contentDir, usable));
  const classifier = new IntentClassifier(index.saved.intentCues, index.saved.intentModel);
  runtime.answerer.use(index, classifier, new LearnedContacts(index.analyzer, index.saved.learnedContacts));
  runtime.index = index;
  runtime.classifier = classifier;
  return { skipped: learned.exampleQuestions.length - known.length };
}

/** Loads (or builds) the index and wires the answerer. Invalid content throws a ContentError. */
export function createGuidelineRuntime(settings: GuidelineSettings = guidelineSettings()): GuidelineRuntime {
  const { index, origin } = loadOrBuildIndex(settings.contentDir, settings.indexFile);
  const classifier = new IntentClassifier(index.saved.intentCues, index.saved.intentModel);
  const policy = {
    ...DEFAULT_ANSWER_POLICY,
    inScope: { ...DEFAULT_ANSWER_POLICY.inScope, minCoverage: settings.answerThreshold },
    ...(settings.organisation ? { organisation: settings.organisation } : {}),
  };
  const answerer = new GuidelineAnswerer(index, classifier, policy);
  // Taught contacts are in the saved index, so a start that loads it reads no YAML.
  if (index.saved.learnedContacts.length > 0) answerer.use(index, classifier, new LearnedContacts(index.analyzer, index.saved.learnedContacts));
  return { settings, index, origin, classifier, answerer };
}
