import { splitWords } from '../../../src/core/language/words';
import { CompoundSplitter } from '../../../src/core/language/compounds';
import { Analyzer } from '../../../src/core/language/analyzer';

describe('splitWords', () => {
  it('keeps å, ä and ö inside words (lunr\'s default trimmer would not)', () => {
    expect(splitWords('På Facebook får man').map((w) => w.text)).toEqual(['på', 'facebook', 'får', 'man']);
  });

  it('treats NFD and NFC spellings alike', () => {
    const nfd = 'lösenord'.normalize('NFD');
    expect(splitWords(nfd)[0]!.text).toBe('lösenord');
  });

  it('turns lunr query operators into separators', () => {
    expect(splitWords('title:lösenord^10 -kanal* +hot~2').map((w) => w.text)).toEqual(['title', 'lösenord', '10', 'kanal', 'hot', '2']);
  });

  it('joins hyphenated words and keeps their pieces', () => {
    expect(splitWords('e-post och 2-faktors')).toEqual([
      { text: 'epost', pieces: ['e', 'post'] },
      { text: 'och', pieces: [] },
      { text: '2faktors', pieces: ['2', 'faktors'] },
    ]);
  });

  it('drops emoji and punctuation', () => {
    expect(splitWords('😡!!! ??? hot 🙂').map((w) => w.text)).toEqual(['hot']);
  });
});

describe('CompoundSplitter', () => {
  const vocabulary = new Set(['some', 'kanava', 'två', 'faktor', 'autentisering', 'lösenord', 'byte', 'facebook', 'sida']);
  const splitter = new CompoundSplitter((w) => vocabulary.has(w));

  it('splits compounds into known words, with a Swedish linking s', () => {
    expect(splitter.split('somekanava')).toEqual(['some', 'kanava']);
    expect(splitter.split('tvåfaktorsautentisering')).toEqual(['två', 'faktors', 'autentisering']);
    expect(splitter.split('lösenordsbyte')).toEqual(['lösenords', 'byte']);
    expect(splitter.split('facebooksida')).toEqual(['facebook', 'sida']);
  });

  it('leaves unknown words whole', () => {
    expect(splitter.split('tjänstledighet')).toEqual([]);
    expect(splitter.split('somex')).toEqual([]);
  });
});

describe('Analyzer', () => {
  const analyzer = new Analyzer(['salasana', 'some', 'kanava']);

  it('stems Finnish forms of one word alike (no chained Swedish stemmer)', () => {
    const stems = ['loma', 'lomalla', 'lomasta'].map((w) => analyzer.analyze(w, 'fi')[0]!.stem);
    expect(new Set(stems).size).toBe(1);
  });

  it('stems Swedish forms alike', () => {
    const stems = ['kanal', 'kanalen', 'kanaler'].map((w) => analyzer.analyze(w, 'sv')[0]!.stem);
    expect(new Set(stems).size).toBe(1);
  });

  it('drops stop words of the language only', () => {
    expect(analyzer.analyze('och ja', 'sv').map((w) => w.surface)).toEqual(['ja']);
    expect(analyzer.analyze('och ja', 'fi').map((w) => w.surface)).toEqual(['och']);
  });

  it('adds the stems of compound parts', () => {
    const [word] = analyzer.analyze('somekanavan', 'fi');
    expect(word!.partStems).toEqual(expect.arrayContaining([analyzer.stem('some', 'fi'), analyzer.stem('kanavan', 'fi')]));
  });

  it('keeps trailing question marks out of the word', () => {
    expect(analyzer.analyze('salasana?', 'fi')[0]!.surface).toBe('salasana');
  });
});
