import type { ContentLang } from '../language/lang';
import { splitWords } from '../language/words';
import { Cue, CueSet, cueEntries, cueWords } from '../text/cue';
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
  /** Category cues of both languages: people mix them, and a mis-detected language must not hide a report. */
  private readonly cues: CueSet<{ category: DetectableCategory; weight: number; length: number }>;
  private readonly reportVerbs: CueSet<true>;
  private readonly conditionals: CueSet<true>;
  private readonly starters: Record<ContentLang, Set<string>>;

  constructor(config: IntentCues) {
    const cues: { cue: Cue; value: { category: DetectableCategory; weight: number; length: number } }[] = [];
    this.starters = { sv: new Set(), fi: new Set() };
    for (const lang of ['sv', 'fi'] as const) {
      // Question words keep their diacritics: "vart" (where) is not "vårt" (our).
      for (const s of config.question_starters[lang]) for (const w of splitWords(s)) this.starters[lang].add(w.text);
      for (const category of REQUIRED_CATEGORIES) {
        const lists = config.categories[category];
        for (const [list, weight] of [[lists[lang], 2], [lists[`${lang}_weak`], 1]] as const) {
          for (const c of list) {
            const cue = new Cue(c);
            cues.push({ cue, value: { category, weight, length: cue.length } });
          }
        }
      }
    }
    this.cues = new CueSet(cues);
    this.reportVerbs = new CueSet(cueEntries(config.report_verbs, true as const));
    this.conditionals = new CueSet(cueEntries(config.conditionals, true as const));
  }

  /** True when the message has any report cue word (a category's, strong or weak, or a wish to report). */
  hasReportCue(text: string): boolean {
    const message = cueWords(text);
    return this.cues.some(message) || this.reportVerbs.some(message);
  }

  /** Cues of both languages count, whatever language the message was detected as. */
  classify(text: string): IntentResult {
    const message = cueWords(text);
    const scores: Partial<Record<DetectableCategory, number>> = {};
    for (const { category, weight, length } of this.cues.matches(message)) {
      scores[category] = (scores[category] ?? 0) + weight * (1 + 0.5 * (length - 1));
    }
    let best: DetectableCategory | undefined;
    for (const category of REQUIRED_CATEGORIES) {
      const s = scores[category] ?? 0;
      // A category needs at least one clear sign (weight 2) or two hints.
      if (s >= 2 && (best === undefined || s > (scores[best] ?? 0))) best = category;
    }
    const first = splitWords(text)[0]?.text;
    const askedAsQuestion = first !== undefined && (this.starters.sv.has(first) || this.starters.fi.has(first));
    // "Kenelle ilmoitan, jos epäilen …?" and "Jos saan uhkauksen, kenelle ilmoitan?" ask what to do if it
    // happens ("jos" and "ifall" are question starters too); "Kenelle ilmoitan? Minua uhataan." reports.
    const hypothetical = askedAsQuestion && this.conditionals.some(message);
    const wantsToReport = !hypothetical && this.reportVerbs.some(message);
    if (best && (wantsToReport || !askedAsQuestion)) return { intent: `report:${best}`, scores };
    return { intent: 'question', scores };
  }
}
