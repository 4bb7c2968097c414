import { z } from 'zod';
import { cueListsSchema } from '../text/cue';
import { readYamlFile } from '../yamlFile';
import { DETECTABLE_CATEGORIES, REQUIRED_CATEGORIES } from '../reports/categories';

const perLang = cueListsSchema;
const categoryCues = perLang.extend({
  sv_weak: z.array(z.string().min(1)).default([]),
  fi_weak: z.array(z.string().min(1)).default([]),
});

/** content/intents.yaml: the cue words, per language, that classify a message. */
export const intentCuesSchema = z.object({
  report_verbs: perLang,
  question_starters: perLang,
  /** Words that make a question hypothetical ("om", "jos"): asking whom to report to if something happens. */
  conditionals: perLang.default({ sv: [], fi: [] }),
  /** Words that make a question hypothetical when they open it ("om nån skriver …, ska jag anmäla"): "om" alone is also "about". */
  conditional_openers: perLang.default({ sv: [], fi: [] }),
  /** Words of a first-person account of what happened ("fick", "mig", "sain", "mua"). */
  narrative: perLang.default({ sv: [], fi: [] }),
  /** Phrases that, opening a later clause ("…, får vi ta bort det"), ask what one may or should do. */
  clause_questions: perLang.default({ sv: [], fi: [] }),
  /**
   * Openings that make a message a question whatever its first word: a verb asked first ("räcker det …",
   * "räknas det …"), or a Finnish verb with the question ending ("*aako": "riittääkö", "auttaako").
   */
  question_openers: perLang.default({ sv: [], fi: [] }),
  /**
   * Short questions for help that close an account of what happened ("… vad gör jag?", "…, mitä mä teen?"):
   * the message is read without them, so asking for help does not make a report a question.
   */
  help_questions: perLang.default({ sv: [], fi: [] }),
  /** Openings of a statement whose first word is also a question starter ("blir hotad …", subject left out). */
  statement_openers: perLang.default({ sv: [], fi: [] }),
  /** Cues per detectable category: the required five must be listed; media contact and false claims may be. */
  categories: z.object(
    Object.fromEntries(
      DETECTABLE_CATEGORIES.map((c) => [c, (REQUIRED_CATEGORIES as readonly string[]).includes(c) ? categoryCues : categoryCues.default({ sv: [], fi: [], sv_weak: [], fi_weak: [] })]),
    ) as Record<(typeof DETECTABLE_CATEGORIES)[number], typeof categoryCues>,
  ),
});
export type IntentCues = z.infer<typeof intentCuesSchema>;

/** Reads and validates the cue words; errors name the file and the field. */
export function loadIntentCues(file: string): IntentCues {
  return readYamlFile(file, intentCuesSchema);
}
