import { lunr } from '../core/language/lunrLanguages';
import type { Passage } from '../core/guidelines/passage';
import type { RankedRef } from './baselineLine';

type LunrPlugin = lunr.Builder.Plugin;
type MultiLanguage = (...langs: string[]) => LunrPlugin;

let multiPlugin: LunrPlugin | undefined;

/**
 * lunr-languages' Swedish + Finnish pipeline (`lunr.multiLanguage('sv', 'fi')`). Created once per process:
 * it registers a pipeline function under a fixed name, and registering it twice makes lunr warn.
 */
function svFiPlugin(): LunrPlugin {
  if (!multiPlugin) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('lunr-languages/lunr.multi')(lunr);
    multiPlugin = (lunr as unknown as { multiLanguage: MultiLanguage }).multiLanguage('sv', 'fi');
  }
  return multiPlugin;
}

/** Plain lunr over the passages' text: the baseline a developer would write first. */
export function buildLunrBaseline(passages: readonly Passage[]): lunr.Index {
  const plugin = svFiPlugin();
  return lunr(function () {
    this.use(plugin);
    this.ref('id');
    this.field('text');
    for (const p of passages) this.add({ id: p.id, text: p.text });
  });
}

/** Loads a baseline index saved with JSON.stringify (its pipeline functions must be registered first). */
export function loadLunrBaseline(json: string): lunr.Index {
  svFiPlugin();
  return lunr.Index.load(JSON.parse(json) as object);
}

/** The question as a lunr query: the query-syntax characters `: ^ ~ * + -` become spaces. */
export function lunrQueryText(question: string): string {
  return question.replace(/[:^~*+-]/g, ' ');
}

/** Searches the baseline; a question lunr's parser rejects finds nothing. */
export function searchLunrBaseline(index: lunr.Index, question: string): RankedRef[] {
  try {
    return index.search(lunrQueryText(question)).map((r) => ({ ref: r.ref, score: r.score }));
  } catch {
    return [];
  }
}
