import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LanguageMarkers } from '../language/detect';
import { loadIntentCues, type IntentCues } from '../intents/intentCues';
import { loadIntentExamples } from '../intents/intentExamples';
import type { IntentTrainingSet } from '../intents/intentModel';
import { hashContent } from './contentHash';
import { loadScopeCues, type ScopeCues } from './scope';
import { readYamlFile } from '../yamlFile';
import { applyLearned, mergeLearned, NO_LEARNED, readLearnedFile, type LearnedContent } from '../content/learnedContent';
import { loadGuidelineDocuments, type GuidelineDocument } from './guidelineDocument';
import { splitIntoPassages, type Passage } from './passage';
import { loadGlossary, loadSearchTerms, type GlossaryEntry, type PassageTerms } from './vocabulary';

/** Everything the guideline search is built from, read from one content folder. */
export interface GuidelineContent {
  docs: GuidelineDocument[];
  passages: Passage[];
  searchTerms: Map<string, PassageTerms>;
  /** Questions staff ask that a passage answers (content/example-questions), per passage. */
  exampleQuestions: Map<string, PassageTerms>;
  glossary: GlossaryEntry[];
  markers: LanguageMarkers;
  intentCues: IntentCues;
  /**
   * What the intent model learns from: content/intent-examples, with the content's own example questions
   * (not what owners taught later) as questions.
   */
  intentExamples: IntentTrainingSet;
  /** What the guidelines cover and workplace topics they do not (content/scope.yaml). */
  scope: ScopeCues;
  /** Whom to name for questions like these when nothing answers (taught: content/learned.yaml and the database). */
  contacts: LearnedContent['contacts'];
  /** SHA-256 over every file the index depends on: a saved index with another hash is stale. */
  hash: string;
}

const phraseList = z.array(z.string().min(1)).default([]);
const smallTalkPhrases = z.object({ sv: phraseList, fi: phraseList, en: phraseList }).default({ sv: [], fi: [], en: [] });

const markersSchema = z.object({
  sv: z.array(z.string()).default([]),
  fi: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
  stopwords: z.object({ sv: z.array(z.string()).default([]), fi: z.array(z.string()).default([]) }).default({ sv: [], fi: [] }),
  small_talk: z.object({ greeting: smallTalkPhrases, thanks: smallTalkPhrases, command: smallTalkPhrases, help: smallTalkPhrases }).optional(),
  shared: z.array(z.string().min(1)).default([]),
});

export function loadLanguageMarkers(file: string): LanguageMarkers {
  if (!fs.existsSync(file)) return { sv: [], fi: [], en: [], stopwords: { sv: [], fi: [] } };
  return readYamlFile(file, markersSchema);
}

/**
 * Reads and validates the guideline content; errors name the file and the field or entry. What content owners
 * taught is applied on top: content/learned.yaml, and `learned` (from the database) when given.
 */
export function loadGuidelineContent(contentDir: string, learned: LearnedContent = NO_LEARNED): GuidelineContent {
  const learnedFile = path.join(contentDir, 'learned.yaml');
  const content = loadOwnContent(contentDir);
  const taught = mergeLearned(readLearnedFile(learnedFile), learned);
  return { ...applyLearned(content, taught, learned === NO_LEARNED ? learnedFile : `${learnedFile} or the taught content`), contacts: taught.contacts };
}

function loadOwnContent(contentDir: string): GuidelineContent {
  const docs = loadGuidelineDocuments(path.join(contentDir, 'guidelines'));
  const passages = splitIntoPassages(docs);
  const exampleQuestions = loadSearchTerms(path.join(contentDir, 'example-questions'), passages);
  const intentExamples = loadIntentExamples(path.join(contentDir, 'intent-examples'));
  const asked = [...exampleQuestions.values()].flatMap((t) => [...t.passage.sv, ...t.passage.fi, ...t.section.sv, ...t.section.fi]);
  return {
    docs,
    passages,
    searchTerms: loadSearchTerms(path.join(contentDir, 'search-terms'), passages),
    exampleQuestions,
    glossary: loadGlossary(path.join(contentDir, 'glossary.yaml')),
    markers: loadLanguageMarkers(path.join(contentDir, 'languages.yaml')),
    intentCues: loadIntentCues(path.join(contentDir, 'intents.yaml')),
    intentExamples: { ...intentExamples, asked: [...new Set(asked)] },
    scope: loadScopeCues(path.join(contentDir, 'scope.yaml')),
    contacts: [],
    hash: hashContent(contentDir),
  };
}
