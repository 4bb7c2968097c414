import type { GuidelineContent } from '../guidelines/guidelineContent';
import type { GuidelineIndex } from '../guidelines/guidelineIndex';
import { searchGuidelines } from '../guidelines/search';

/** How well one document is prepared for answering: its vocabulary, and whether search finds its passages. */
export interface DocumentCheck {
  docId: string;
  passages: number;
  /** Passages with search terms of their own or of their section. */
  withSearchTerms: number;
  /** Passages with at least one example question. */
  withExampleQuestions: number;
  exampleQuestions: number;
  /** Example questions whose own passage comes first when asked. */
  examplesFoundFirst: number;
  sections: number;
  /** Section headings that, asked as a question, find a passage of that section first. */
  headingsFoundFirst: number;
  /** Passages without search terms or example questions, and self-test misses (for the owners to fix). */
  problems: { passageId: string; problem: 'no_search_terms' | 'no_example_questions' | 'example_not_first' | 'heading_not_first'; detail?: string }[];
}

/**
 * `somebot content check`: per document, whether its passages have search terms and example questions, and a
 * self-test — each example question must find its own passage first, and each section must be found by its own
 * heading. A new document without vocabulary shows here what it lacks.
 */
export function checkContent(content: GuidelineContent, index: GuidelineIndex, docIds?: string[]): DocumentCheck[] {
  const docs = content.docs.filter((d) => !docIds || docIds.includes(d.meta.id));
  return docs.map((doc) => {
    const passages = content.passages.filter((p) => p.source.docId === doc.meta.id);
    const check: DocumentCheck = {
      docId: doc.meta.id,
      passages: passages.length,
      withSearchTerms: 0,
      withExampleQuestions: 0,
      exampleQuestions: 0,
      examplesFoundFirst: 0,
      sections: 0,
      headingsFoundFirst: 0,
      problems: [],
    };
    const lang = doc.meta.language;
    for (const p of passages) {
      const terms = content.searchTerms.get(p.id);
      const hasTerms = !!terms && [...terms.passage.sv, ...terms.passage.fi, ...terms.section.sv, ...terms.section.fi].length > 0;
      if (hasTerms) check.withSearchTerms++;
      else check.problems.push({ passageId: p.id, problem: 'no_search_terms' });
      const asked = content.exampleQuestions.get(p.id);
      const questions = asked ? (['sv', 'fi'] as const).flatMap((l) => asked.passage[l].map((q) => ({ q, l }))) : [];
      if (questions.length > 0) check.withExampleQuestions++;
      else check.problems.push({ passageId: p.id, problem: 'no_example_questions' });
      for (const { q, l } of questions) {
        check.exampleQuestions++;
        // By its words alone: asked word for word, an example question finds its passage by construction (SearchHit.exact).
        const top = searchGuidelines(index, q, l, 1, { exact: false }).hits[0];
        if (top?.passage.id === p.id) check.examplesFoundFirst++;
        else check.problems.push({ passageId: p.id, problem: 'example_not_first', detail: q });
      }
    }
    const sections = new Map<string, string>();
    for (const p of passages) if (!sections.has(p.source.section)) sections.set(p.source.section, p.id);
    for (const [heading, firstPassage] of sections) {
      if (heading === doc.meta.title) continue;
      check.sections++;
      const top = searchGuidelines(index, heading, lang, 1).hits[0];
      if (top && top.passage.source.docId === doc.meta.id && top.passage.source.section === heading) check.headingsFoundFirst++;
      else check.problems.push({ passageId: firstPassage, problem: 'heading_not_first', detail: heading });
    }
    return check;
  });
}
