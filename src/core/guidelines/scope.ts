import fs from 'node:fs';
import { z } from 'zod';
import { CueSet, cueEntries, cueListsSchema, cueWords } from '../text/cue';
import { readYamlFile } from '../yamlFile';
import { READERS, type Readers } from './guidelineDocument';

const perLang = cueListsSchema;

/** content/scope.yaml: the words of what the guidelines cover, and workplace topics they never address. */
export const scopeCuesSchema = z.object({
  in_scope: perLang,
  out_of_scope: z.record(z.string().regex(/^[a-z_]+$/, 'a topic name is lower-case letters and _'), perLang),
  /** Words by which a question names the readers of a document written for them alone (elected officials). */
  readers: z.partialRecord(z.enum(READERS), perLang).default({}),
});
export type ScopeCues = z.infer<typeof scopeCuesSchema>;

export const NO_SCOPE_CUES: ScopeCues = { in_scope: { sv: [], fi: [] }, out_of_scope: {}, readers: {} };

/** Reads and validates the scope cues; errors name the file and the field. A missing file means none. */
export function loadScopeCues(file: string): ScopeCues {
  return fs.existsSync(file) ? readYamlFile(file, scopeCuesSchema) : NO_SCOPE_CUES;
}

/** Where a question stands against the guidelines' scope. */
export interface ScopeReading {
  /** The question names something the guidelines cover (social media, publishing, the media …). */
  inScope: boolean;
  /** The workplace matter it is about instead (pay, leave …), when it names one and nothing in scope. */
  outOfScopeTopic?: string;
}

/**
 * Reads a question against content/scope.yaml. Cues of both languages count, as for intents (people mix
 * languages; a short message may be mis-detected).
 */
export class QuestionScope {
  private readonly inScope: CueSet<true>;
  private readonly outOfScope: CueSet<string>;
  private readonly size: number;
  private readonly readers: CueSet<Readers>;
  private readonly order: string[];

  constructor(cues: ScopeCues) {
    const inScope = cueEntries(cues.in_scope, true as const);
    const outOfScope = Object.entries(cues.out_of_scope).flatMap(([topic, words]) => cueEntries(words, topic));
    this.inScope = new CueSet(inScope);
    this.outOfScope = new CueSet(outOfScope);
    this.size = inScope.length + outOfScope.length;
    this.order = Object.keys(cues.out_of_scope);
    this.readers = new CueSet(
      Object.entries(cues.readers).flatMap(([readers, words]) => cueEntries(words, readers as Readers)),
    );
  }

  /** True when no scope words are configured (then nothing is judged in or out of scope). */
  get empty(): boolean {
    return this.size === 0;
  }

  read(text: string): ScopeReading {
    const words = cueWords(text);
    if (this.inScope.some(words)) return { inScope: true };
    // A message rarely names two matters; when it does, the one named by the topic listed first wins.
    const topics = this.outOfScope.matches(words);
    const topic = this.order.find((t) => topics.includes(t));
    return topic === undefined ? { inScope: false } : { inScope: false, outOfScopeTopic: topic };
  }

  /** The readers a question names (elected officials …); `everyone` is always among them. */
  readersNamed(text: string): Set<Readers> {
    return new Set<Readers>(['everyone', ...this.readers.matches(cueWords(text))]);
  }
}
