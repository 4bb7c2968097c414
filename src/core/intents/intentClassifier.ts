import type { ContentLang } from '../language/lang';
import { splitWords } from '../language/words';
import { Cue, cueWords } from '../text/cue';
import { REQUIRED_CATEGORIES, type DetectableCategory, type Intent } from '../reports/categories';
import type { IntentCues } from './intentCues';

export interface IntentResult {
  intent: Intent;
  /** Category scores, for diagnosis. */
  scores: Partial<Record<DetectableCategory, number>>;
}

/**
 * Classifies a message as a guideline question or a report of one category, from the cue words in
 * content/intents.yaml. A message is a report when it shows a category and is not asked as a question about
 * the rules, or when it says that the person wants to report; otherwise it is a question.
 */
export class IntentClassifier {
  private readonly cues: Record<ContentLang, { category: DetectableCategory; cue: Cue; weight: number }[]>;
  private readonly reportVerbs: Record<ContentLang, Cue[]>;
  private readonly starters: Record<ContentLang, Set<string>>;

  constructor(config: IntentCues) {
    this.cues = { sv: [], fi: [] };
    this.reportVerbs = { sv: [], fi: [] };
    this.starters = { sv: new Set(), fi: new Set() };
    for (const lang of ['sv', 'fi'] as const) {
      this.reportVerbs[lang] = config.report_verbs[lang].map((c) => new Cue(c));
      // Question words keep their diacritics: "vart" (where) is not "vårt" (our).
      for (const s of config.question_starters[lang]) for (const w of splitWords(s)) this.starters[lang].add(w.text);
      for (const category of REQUIRED_CATEGORIES) {
        const cues = config.categories[category];
        for (const c of cues[lang]) this.cues[lang].push({ category, cue: new Cue(c), weight: 2 });
        for (const c of cues[`${lang}_weak`]) this.cues[lang].push({ category, cue: new Cue(c), weight: 1 });
      }
    }
  }

  classify(text: string, lang: ContentLang): IntentResult {
    const message = cueWords(text);
    const scores: Partial<Record<DetectableCategory, number>> = {};
    // Cues of both languages count: people mix them, and a mis-detected language must not hide a report.
    for (const l of [lang, lang === 'sv' ? 'fi' : 'sv'] as const) {
      for (const { category, cue, weight } of this.cues[l]) {
        if (cue.matches(message)) scores[category] = (scores[category] ?? 0) + weight * (1 + 0.5 * (cue.length - 1));
      }
    }
    let best: DetectableCategory | undefined;
    for (const category of REQUIRED_CATEGORIES) {
      const s = scores[category] ?? 0;
      // A category needs at least one clear sign (weight 2) or two hints.
      if (s >= 2 && (best === undefined || s > (scores[best] ?? 0))) best = category;
    }
    const wantsToReport = [...this.reportVerbs.sv, ...this.reportVerbs.fi].some((c) => c.matches(message));
    const first = splitWords(text)[0]?.text;
    const askedAsQuestion = first !== undefined && (this.starters.sv.has(first) || this.starters.fi.has(first));
    if (best && (wantsToReport || !askedAsQuestion)) return { intent: `report:${best}`, scores };
    return { intent: 'question', scores };
  }
}
