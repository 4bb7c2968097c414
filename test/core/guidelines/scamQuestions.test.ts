/**
 * Being scammed, said with the everyday verb (Finnish "huijata", Swedish "lura") rather than the guidelines'
 * word for phishing, and often with the channel it came through: the answer is the passage on misuse and
 * phishing (tell the manager or IT), not the rules on e-mail addresses that merely share the word "e-mail".
 */
import { normalizeForMatch } from '../../../src/core/text/normalize';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

const runtime = testGuidelineRuntime();
const PHISHING = ['misstänker att man blir utsatt för missbruk', 'tietojen kalastelu'];
const EMAIL_ADDRESS_RULES = ['e-postadressen hos arbetsgivaren', 'skapas med annan än kommunens e-postadress'];

describe('questions about being scammed', () => {
  it.each([
    ['fi', 'mitä teen jos joku huijaa minua sähköpostilla'],
    ['fi', 'Mitä pitää tehdä, jos minua yritetään huijata sähköpostissa?'],
    ['fi', 'Miten toimin, jos joku huijasi minua Facebookissa?'],
    ['fi', 'Kenelle kerron, jos epäilen huijausta?'],
    ['sv', 'Vad gör jag om någon lurar mig via mejl?'],
    ['sv', 'Vad gör jag om jag blir lurad på Facebook?'],
  ])('%s: %s', (lang, question) => {
    const answer = runtime.answerer.answer(question);
    expect(answer.lang).toBe(lang);
    expect(answer.answered).toBe(true);
    const top = normalizeForMatch(answer.quoted[0]!.passage.text);
    expect(PHISHING.some((p) => top.includes(normalizeForMatch(p)))).toBe(true);
    expect(EMAIL_ADDRESS_RULES.some((p) => top.includes(normalizeForMatch(p)))).toBe(false);
  });
});
