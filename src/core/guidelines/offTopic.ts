import fs from 'node:fs';
import { z } from 'zod';
import type { ContentLang } from '../language/lang';
import { Cue, cueWords } from '../text/cue';
import { readYamlFile } from '../yamlFile';

const perLang = z.object({ sv: z.array(z.string().min(1)).default([]), fi: z.array(z.string().min(1)).default([]) });

/** content/off-topic.yaml: workplace topics the guidelines do not cover, and the words that tie a question to social media. */
export const offTopicCuesSchema = z.object({
  topics: z.record(z.string().regex(/^[a-z_]+$/, 'a topic name is lower-case letters and _'), perLang),
  social_media: perLang,
});
export type OffTopicCues = z.infer<typeof offTopicCuesSchema>;

export const NO_OFF_TOPIC_CUES: OffTopicCues = { topics: {}, social_media: { sv: [], fi: [] } };

/** Reads and validates the off-topic cues; errors name the file and the field. A missing file means none. */
export function loadOffTopicCues(file: string): OffTopicCues {
  return fs.existsSync(file) ? readYamlFile(file, offTopicCuesSchema) : NO_OFF_TOPIC_CUES;
}

/**
 * Recognises questions about workplace matters the social-media guidelines never address (pay, leave, printers …):
 * such a question names one of the listed topics and nothing that ties it to social media. Cues of both
 * languages count, as for intents (people mix languages; a short message may be mis-detected).
 */
export class OffTopicDetector {
  private readonly topics: { topic: string; cues: Cue[] }[];
  private readonly socialMedia: Cue[];

  constructor(cues: OffTopicCues) {
    const langs: ContentLang[] = ['sv', 'fi'];
    this.topics = Object.entries(cues.topics).map(([topic, words]) => ({ topic, cues: langs.flatMap((l) => words[l].map((c) => new Cue(c))) }));
    this.socialMedia = langs.flatMap((l) => cues.social_media[l].map((c) => new Cue(c)));
  }

  /** The off-topic subject of a question, or undefined when it may be about social media. */
  topicOf(text: string): string | undefined {
    const words = cueWords(text);
    if (this.socialMedia.some((c) => c.matches(words))) return undefined;
    return this.topics.find((t) => t.cues.some((c) => c.matches(words)))?.topic;
  }
}
