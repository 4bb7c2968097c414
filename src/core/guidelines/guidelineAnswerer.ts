import type { LanguageDetector } from '../language/detect';
import type { ContentLang, UiLang } from '../language/lang';
import type { IntentClassifier } from '../intents/intentClassifier';
import type { Intent, ReportCategory } from '../reports/categories';
import type { GuidelineIndex } from './guidelineIndex';
import { searchGuidelines, type SearchHit } from './search';
import type { LearnedContacts } from '../content/learnedContacts';
import { SmallTalk, type SmallTalkKind } from './smallTalk';

/** What the bot decided about one message; rendering into text, Block Kit or cards happens elsewhere. */
export interface GuidelineAnswer {
  /** Language of the reply (the question's language; English UI text for other languages). */
  lang: UiLang;
  intent: Intent;
  /** True when a passage answers; false means the bot says the guidelines do not answer this. */
  answered: boolean;
  /** True when the message was longer than the policy allows and only its beginning was read. */
  truncated?: boolean;
  /** Why nothing was answered, when `answered` is false. */
  reason?: 'empty' | 'no_words' | 'no_match' | 'low_confidence' | 'off_topic' | 'small_talk';
  /** For `small_talk`: what the message was (a greeting, thanks, a command outside a dialog). */
  smallTalk?: SmallTalkKind;
  /**
   * Set when the message may describe an incident although it is answered as a question: the reply offers
   * to make a report beside the answer ("Vill du göra en anmälan?"), with the likely category if any.
   */
  reportOffer?: { category?: ReportCategory };
  /** The ten best passages, best first (listed even when not answered, for diagnosis). */
  hits: SearchHit[];
  /** What the reply quotes: the best passage and up to two close ones. Empty when not answered. */
  quoted: SearchHit[];
  /** Names this answer when a verdict on it comes back (set by the Conversation that gave it). */
  answerId?: string;
  /** Whom to ask instead of the default contact, when content owners taught one for questions like this. */
  contact?: string;
  /** Set when the unanswered question was kept (without names) for content owners: for this many days. */
  keptDays?: number;
  /** The deployment's own organisation (SOMEBOT_ORGANISATION): other organisations' passages are their practice. */
  organisation?: string;
}

/** When the best passage answers a question. */
export interface AnswerThresholds {
  /** Minimum share of the question's words (weighted by rarity) the best passage must match. */
  minCoverage: number;
  /** Minimum evidence (see SearchHit) of the best passage when it covers less than `sureCoverage` of the question. */
  minScore: number;
  /** Coverage from which the best passage answers whatever its score. */
  sureCoverage: number;
  /**
   * The bot declines when words the guidelines never use carry at least this share of the question's weight:
   * the question is about something else ("tjänstledighet", "lunchrestaurang").
   */
  maxUnknownShare: number;
}

export interface AnswerPolicy {
  /** Thresholds for a question that names something the guidelines cover (content/scope.yaml, in_scope). */
  inScope: AnswerThresholds;
  /** Thresholds for a question that names nothing in scope: it must match a passage more clearly. */
  unscoped: AnswerThresholds;
  /** A related passage is quoted too when its score is at least this share of the best one's. */
  relatedScoreRatio: number;
  /** Longest question analysed; longer text is cut (a chat message is never a document). */
  maxQuestionChars: number;
  /** The deployment's organisation (front matter `org`): its own passages rank first. */
  organisation?: string;
}

/** How much an organisation's own passage is lifted over other organisations' when SOMEBOT_ORGANISATION is set. */
export const OWN_ORGANISATION_FACTOR = 1.5;

/**
 * Chosen by measuring refusals and false refusals with `somebot eval` on the sample questions
 * (../shared/eval/dev.jsonl) and on the question sets in test/fixtures, written apart from the sample.
 * Questions about pay, leave, printers … are declined by content/scope.yaml first.
 */
export const DEFAULT_ANSWER_POLICY: AnswerPolicy = {
  inScope: { minCoverage: 0.15, minScore: 3, sureCoverage: 0.5, maxUnknownShare: 0.8 },
  unscoped: { minCoverage: 0.5, minScore: 8, sureCoverage: 0.8, maxUnknownShare: 0.5 },
  relatedScoreRatio: 0.75,
  maxQuestionChars: 2000,
};

/**
 * Answers a message: detects its language and intent, searches the guidelines and decides whether the best
 * passage answers. It only ever selects passages; it never writes a rule of its own.
 */
export class GuidelineAnswerer {
  private contacts: LearnedContacts | undefined;
  private smallTalk: SmallTalk;

  constructor(
    private index: GuidelineIndex,
    private classifier: IntentClassifier,
    private readonly policy: AnswerPolicy = DEFAULT_ANSWER_POLICY,
  ) {
    this.smallTalk = new SmallTalk(index.saved.markers.small_talk);
  }

  get detector(): LanguageDetector {
    return this.index.detector;
  }

  /** Answers from now on with another index (content owners taught something); answers in progress finish on the old one. */
  use(index: GuidelineIndex, classifier: IntentClassifier, contacts?: LearnedContacts): void {
    this.index = index;
    this.classifier = classifier;
    this.contacts = contacts;
    this.smallTalk = new SmallTalk(index.saved.markers.small_talk);
  }

  answer(message: string, localeHint?: UiLang): GuidelineAnswer {
    const result = this.decide(message, localeHint);
    const contact = !result.answered && result.reason !== 'empty' && result.lang !== 'en' ? this.contacts?.find(message, result.lang) : undefined;
    const withContact = contact ? { ...result, contact } : result;
    return message.length > this.policy.maxQuestionChars ? { ...withContact, truncated: true } : withContact;
  }

  private decide(message: string, localeHint?: UiLang): GuidelineAnswer {
    const text = message.normalize('NFC').slice(0, this.policy.maxQuestionChars).trim();
    const { lang } = this.index.detector.detect(text, localeHint);
    if (text.length === 0) return { lang, intent: 'question', answered: false, reason: 'empty', hits: [], quoted: [] };
    // "hej", "tack", "avbryt" outside a dialog: not a question, and never worth a guideline passage.
    const smallTalk = this.smallTalk.read(text, lang);
    if (smallTalk) {
      return { lang: smallTalk.lang, intent: 'question', answered: false, reason: 'small_talk', smallTalk: smallTalk.kind, hits: [], quoted: [] };
    }
    const searchLangs: ContentLang[] = lang === 'en' ? ['sv', 'fi'] : [lang];
    const classified = this.classifier.classify(text, lang);
    const intent = classified.intent;
    const offer = classified.possibleReport ? { reportOffer: classified.possibleReport } : {};

    const results = searchLangs.map((l) => searchGuidelines(this.index, text, l, 10));
    const hits = results
      .flatMap((r) => r.hits)
      .sort((a, b) => b.score - a.score)
      .filter((h, i, all) => all.findIndex((o) => o.passage.id === h.passage.id) === i)
      .slice(0, 10);
    if (hits.length === 0) {
      const hasWords = searchLangs.some((l) => this.index.analyzer.analyze(text, l).length > 0);
      return { lang, intent, ...offer, answered: false, reason: hasWords ? 'no_match' : 'no_words', hits, quoted: [] };
    }
    // A question about pay, leave, printers … is not answered by a passage that happens to share a word with it.
    const scope = this.index.scope.read(text);
    // ... unless content owners taught this very question to a passage (see SearchHit.exact).
    if (scope.outOfScopeTopic !== undefined && hits[0]!.exact !== true) return { lang, intent, ...offer, answered: false, reason: 'off_topic', hits, quoted: [] };
    const limits = scope.inScope || this.index.scope.empty ? this.policy.inScope : this.policy.unscoped;
    const best = hits[0]!;
    const words = results[0]!.words;
    const total = words.reduce((sum, w) => sum + w.weight, 0) || 1;
    const unknownShare = words.filter((w) => !w.known).reduce((sum, w) => sum + w.weight, 0) / total;
    // A question content owners taught (asked again word for word) is answered with what they taught.
    const confident = best.exact === true || best.coverage >= limits.sureCoverage || (best.coverage >= limits.minCoverage && best.evidence >= limits.minScore);
    if (!confident || (unknownShare >= limits.maxUnknownShare && best.exact !== true)) {
      return { lang, intent, ...offer, answered: false, reason: 'low_confidence', hits, quoted: [] };
    }
    // Whether the guidelines answer is decided above, whoever wrote them; the deployment's own organisation's
    // passages that would answer as well then come first.
    const own = this.policy.organisation;
    const answers = (h: SearchHit) => h === best || h.coverage >= limits.sureCoverage || (h.coverage >= limits.minCoverage && h.evidence >= limits.minScore);
    const ranked = own
      ? hits
          .map((h) => (h.passage.source.org === own && answers(h) ? { ...h, score: h.score * OWN_ORGANISATION_FACTOR } : h))
          .sort((a, b) => b.score - a.score)
      : hits;
    const top = ranked[0]!;
    const related = ranked
      .slice(1)
      .filter((h) => h.score >= top.score * this.policy.relatedScoreRatio && h.coverage >= limits.minCoverage)
      .slice(0, 2);
    return { lang, intent, ...offer, answered: true, hits: ranked, quoted: [top, ...related], ...(own ? { organisation: own } : {}) };
  }
}
