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

  it('does not let the hint override clear text', () => {
    expect(detector.detect('Hur ofta ska lösenorden bytas på kommunens konton?', 'fi').lang).toBe('sv');
  });
});
