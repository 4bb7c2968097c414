import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

describe('LanguageDetector', () => {
  const detector = testGuidelineRuntime().index.detector;

  it.each([
    ['Får jag dela kommunens inlägg på mitt privata konto?', 'sv'],
    ['vem ansvarar för kommunens instagram', 'sv'],
    ['Saako kunnan päivityksiä jakaa omalla tilillä?', 'fi'],
    ['kuka vastaa kunnan somesta', 'fi'],
    ['mitä teen kun joku kommentoi asiattomasti', 'fi'],
    ['How do I change my password on the municipality account?', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detector.detect(text).lang).toBe(lang);
  });

  it('lets a platform locale decide a message too short to tell', () => {
    expect(detector.detect('ok?', 'fi').lang).toBe('fi');
    expect(detector.detect('ok?', 'sv').lang).toBe('sv');
  });

  it('keeps the page’s or conversation’s language for words of both languages and very short messages', () => {
    for (const hint of ['sv', 'fi'] as const) {
      for (const text of ['ja', 'Ja!', 'ok', 'no', 'jo', 'ja ok', 'se?', 'x']) {
        expect(detector.detect(text, hint)).toEqual({ lang: hint, confidence: 0 });
      }
    }
    // Without a hint, or with words of one language only, the text still decides.
    expect(detector.detect('ja').lang).toBe('fi');
    expect(detector.detect('ja tack', 'fi').lang).toBe('sv');
    expect(detector.detect('ja kiitos', 'sv').lang).toBe('fi');
  });

  it('answers "ja" in the language of the page it was typed on', () => {
    const { answerer } = testGuidelineRuntime();
    expect(answerer.answer('ja', 'sv').lang).toBe('sv');
    expect(answerer.answer('ja', 'fi').lang).toBe('fi');
  });

  it('does not let the hint override clear text', () => {
    expect(detector.detect('Hur ofta ska lösenorden bytas på kommunens konton?', 'fi').lang).toBe('sv');
  });
});
