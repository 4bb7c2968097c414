import { copyLangOf } from '../../../src/core/delivery/copyLang';

describe('copyLangOf: the language of a person’s copies of a report', () => {
  it('the reporter reads in the language they reported in, whatever the directory says', () => {
    expect(copyLangOf({ lang: 'sv' }, true, { reporterLang: 'fi' }, 'sv')).toBe('fi');
    expect(copyLangOf({}, true, { reporterLang: 'fi' }, 'sv')).toBe('fi');
  });

  it('anyone else in their directory language, else the default', () => {
    expect(copyLangOf({ lang: 'fi' }, false, { reporterLang: 'sv' }, 'sv')).toBe('fi');
    expect(copyLangOf({}, false, { reporterLang: 'fi' }, 'sv')).toBe('sv');
    expect(copyLangOf({ lang: 'sv' }, true, undefined, 'fi')).toBe('sv');
  });
});
