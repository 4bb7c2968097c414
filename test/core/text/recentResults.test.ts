import { RecentResults } from '../../../src/core/text/recentResults';
import { splitWords } from '../../../src/core/language/words';

describe('RecentResults', () => {
  it('computes an input once while it is among the last ones, and again after it was pushed out', () => {
    const calls: string[] = [];
    const recent = new RecentResults<number>(2);
    const length = (s: string) => {
      calls.push(s);
      return s.length;
    };
    expect(recent.get('hej', length)).toBe(3);
    expect(recent.get('moi', length)).toBe(3);
    expect(recent.get('hej', length)).toBe(3); // a hit: "hej" is now the newest
    expect(recent.get('tack', length)).toBe(4); // pushes out "moi", the least recently used
    expect(recent.get('hej', length)).toBe(3);
    expect(recent.get('moi', length)).toBe(3);
    expect(calls).toEqual(['hej', 'moi', 'tack', 'moi']);
  });

  it('splitWords gives the same words for a text split again, from its recent results', () => {
    const first = splitWords('Får jag dela e-post adresser?');
    expect(splitWords('Får jag dela e-post adresser?')).toBe(first);
    expect(first.map((w) => w.text)).toEqual(['får', 'jag', 'dela', 'epost', 'adresser']);
    for (let i = 0; i < 20; i++) splitWords(`fråga ${i}`);
    expect(splitWords('Får jag dela e-post adresser?')).toEqual(first);
  });
});
