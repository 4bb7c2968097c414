import { renderAnswerText } from '../../../src/core/guidelines/answerText';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

const CONTACT = 'viestinta@kirkkonummi.fi';

describe('messages that are not questions', () => {
  const { answerer } = testGuidelineRuntime();

  it.each([
    ['hej', 'sv', 'greeting', 'Hej!'],
    ['Hejsan somebot!', 'sv', 'greeting', 'Hej!'],
    ['Tack så mycket!', 'sv', 'thanks', 'Varsågod'],
    ['avbryt', 'sv', 'command', 'inget att avbryta'],
    ['moi', 'fi', 'greeting', 'Hei!'],
    ['kiitos paljon :)', 'fi', 'thanks', 'Ole hyvä'],
    ['peruuta', 'fi', 'command', 'ei ole mitään peruttavaa'],
    ['cancel', 'en', 'command', 'nothing to cancel'],
    ['help', 'en', 'help', 'Here is how I can help.'],
    ['hjälp', 'sv', 'help', 'Så här kan jag hjälpa dig.'],
    ['vad kan du göra?', 'sv', 'help', 'Så här kan jag hjälpa dig.'],
    ['apua', 'fi', 'help', 'Näin voin auttaa.'],
    ['Hello!', 'en', 'greeting', 'Hello!'],
  ])('“%s” gets a short %s reply saying what the bot does, never a passage', (text, lang, kind, opening) => {
    const answer = answerer.answer(text);
    expect(answer).toMatchObject({ answered: false, reason: 'small_talk', smallTalk: kind, lang, quoted: [] });
    const reply = renderAnswerText(answer, CONTACT);
    expect(reply.startsWith(opening) || reply.includes(opening)).toBe(true);
    expect(reply).not.toContain('> ');
    expect(reply).not.toContain(CONTACT);
  });

  it.each([
    ['ja', 'sv', 'sv', 'Så här kan jag hjälpa dig.'],
    ['nej', 'sv', 'sv', 'Så här kan jag hjälpa dig.'],
    ['ja', 'fi', 'fi', 'Näin voin auttaa.'],
    ['joo', 'fi', 'fi', 'Näin voin auttaa.'],
    ['ok', 'fi', 'fi', 'Ole hyvä'],
    ['ok', 'sv', 'sv', 'Varsågod'],
  ] as const)('a yes, no or ok typed alone outside a dialog (“%s” on a %s page) gets what the bot can do in the page’s language, never a passage', (text, page, lang, opening) => {
    const answer = answerer.answer(text, page);
    expect(answer).toMatchObject({ answered: false, reason: 'small_talk', lang, quoted: [] });
    expect(renderAnswerText(answer, CONTACT)).toContain(opening);
  });

  it('asking for help is never answered as if something were cancelled', () => {
    for (const text of ['help', 'hjälp', 'meny', 'vad kan du göra', 'apua', 'ohje', 'mitä osaat', 'what can you do']) {
      const reply = renderAnswerText(answerer.answer(text), CONTACT);
      expect(reply).not.toMatch(/avbryta|peruttavaa|cancel/);
      expect(reply).toMatch(/riktlinjer|ohjeita|guidelines/);
    }
  });

  it('a question that starts with a greeting is still a question', () => {
    const answer = answerer.answer('Hej, får jag gilla kommunens inlägg med mitt privata konto?');
    expect(answer.reason).not.toBe('small_talk');
    expect(answer.answered).toBe(true);
  });

  it('an English question that finds nothing is told to ask in Swedish or Finnish, with examples', () => {
    const answer = answerer.answer('How do I book a meeting room for my team?');
    expect(answer).toMatchObject({ lang: 'en', answered: false });
    const reply = renderAnswerText(answer, CONTACT);
    expect(reply).toContain('Swedish and Finnish');
    expect(reply).toMatch(/Får jag .*Saanko /s);
    expect(reply).not.toContain('say nothing');
  });

  it('Swedish and Finnish questions that find nothing still name whom to ask', () => {
    for (const q of ['Hur bokar jag ett mötesrum i stadshuset?', 'Miten varaan kokoushuoneen kunnantalolta?']) {
      const answer = answerer.answer(q);
      expect(answer.answered).toBe(false);
      expect(renderAnswerText(answer, CONTACT)).toContain(CONTACT);
    }
  });
});
