import { normalizeForMatch } from '../../../src/core/text/normalize';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

const runtime = testGuidelineRuntime();
const contains = (text: string, phrase: string) => normalizeForMatch(text).includes(normalizeForMatch(phrase));

describe('guideline answers', () => {
  it.each([
    ['sv', 'Hur komplicerade lösenord ska vi ha i sociala medier?', 'tillräckligt komplicerade lösenord'],
    ['sv', 'Vilka uppgifter om upphovsrätt gäller för bilder vi tar från nätet?', 'tekijänoikeudellista lupaa'],
    ['fi', 'Pitääkö someen tulevat videot tekstittää?', 'textning av videor'],
    ['fi', 'Kuka vastaa kunnan yleisestä tiedottamisesta?', 'yleisestä tiedottamisesta vastaa kunnanjohtaja'],
    ['sv', 'Vem ansvarar för kommunens allmänna information i Enontekis?', 'yleisestä tiedottamisesta vastaa kunnanjohtaja'],
    ['fi', 'Saako samaa salasanaa käyttää kaikissa palveluissa?', 'alla tjänster ska ha olika lösenord|Samma lösenord får inte användas'],
  ])('%s: %s', (lang, question, phrase) => {
    const answer = runtime.answerer.answer(question);
    expect(answer.lang).toBe(lang);
    expect(answer.answered).toBe(true);
    // `a|b`: either passage answers.
    expect(answer.quoted.slice(0, 3).some((h) => phrase.split('|').some((p) => contains(h.passage.text, p)))).toBe(true);
  });

  it('reads a compound the guidelines never use as its words: the name in it counts in full', () => {
    // "LinkedIn-konto" is in no passage; read as one word it would mean "konto", found in dozens of passages.
    for (const question of ['Vad ska kommunens LinkedIn-konto användas till?', 'Mihin kunnan LinkedIn-tiliä käytetään?']) {
      const answer = runtime.answerer.answer(question);
      expect(answer.quoted[0]!.passage.text).toContain('LinkedIn kanal');
    }
  });

  it('says in the reply language when the quoted passage is in the other language', () => {
    const answer = runtime.answerer.answer('Pitääkö someen tulevat videot tekstittää?');
    expect(answer.quoted[0]!.passage.source.lang).toBe('sv');
  });

  it.each([
    'Hur bokar jag ett mötesrum?',
    'Milloin palkka maksetaan?',
    'Hur fyller jag på papper i skrivaren?',
    'Mistä saan parkkiluvan?',
  ])('does not answer what the guidelines do not cover: %s', (question) => {
    const answer = runtime.answerer.answer(question);
    expect(answer.answered).toBe(false);
    expect(answer.quoted).toEqual([]);
  });

  it('quotes passages verbatim and cites organisation, document and section', () => {
    const answer = runtime.answerer.answer('Får man installera appar som delas på Facebook?');
    expect(answer.answered).toBe(true);
    const hit = answer.quoted[0]!;
    expect(runtime.index.passages.get(hit.passage.id)!.text).toBe(hit.passage.text);
    expect(hit.passage.source).toEqual(
      expect.objectContaining({ organisation: expect.any(String), title: expect.any(String), section: expect.any(String) }),
    );
  });

  it('lists at most ten passages, best first', () => {
    const answer = runtime.answerer.answer('sociala medier kommunen Facebook');
    expect(answer.hits.length).toBeLessThanOrEqual(10);
    for (let i = 1; i < answer.hits.length; i++) expect(answer.hits[i - 1]!.score).toBeGreaterThanOrEqual(answer.hits[i]!.score);
  });
});
