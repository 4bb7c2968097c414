import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadScopeCues, NO_SCOPE_CUES, QuestionScope } from '../../../src/core/guidelines/scope';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

const scope = new QuestionScope(loadScopeCues(path.join(__dirname, '../../../content/scope.yaml')));

describe('question scope (content/scope.yaml)', () => {
  it.each([
    ['När betalas julilönen ut?', 'pay_and_benefits'],
    ['Kuinka monta vuosilomapäivää minulle kertyy?', 'leave_and_absence'],
    ['Skrivaren på tredje våningen fungerar inte, vem fixar den?', 'it_equipment_and_support'],
    ['Miten varaan neuvotteluhuoneen ensi viikoksi?', 'premises'],
    ['Hur fyller jag i reseräkningen efter kursen?', 'travel_and_expenses'],
  ])('names the workplace matter of a question the guidelines do not cover: %s', (question, topic) => {
    expect(scope.read(question)).toEqual({ inScope: false, outOfScopeTopic: topic });
  });

  it.each([
    'Vem sköter kommunens Facebook-sida när alla har semester?',
    'Saako lounastauolla selata somea työpuhelimella?',
    'Får jag lägga ut bilder från personalfesten på Instagram?',
    'Hur ofta ska lösenorden bytas?',
    'Kuka hyväksyy uuden somekanavan?',
    'måste fb-inläggen vara på två språk',
  ])('reads a question about what the guidelines cover as in scope: %s', (question) => {
    expect(scope.read(question)).toEqual({ inScope: true });
  });

  it.each(['Hur ansöker jag om bygglov?', 'Milloin kirjasto on auki?', ''])('reads a question naming neither as neither: %s', (q) => {
    expect(scope.read(q)).toEqual({ inScope: false });
  });

  it('declines an out-of-scope question whatever words it shares with the guidelines', () => {
    const runtime = testGuidelineRuntime();
    const answer = runtime.answerer.answer('Hur många semesterdagar har jag rätt till i år?');
    expect(answer).toMatchObject({ answered: false, reason: 'off_topic', quoted: [] });
    expect(runtime.answerer.answer('Vem sköter kommunens Facebook-sida under semestern?').answered).toBe(true);
  });

  it('answers a question with no in-scope word only when a passage matches it clearly', () => {
    const runtime = testGuidelineRuntime();
    // Each shares a word or two with some passage (library, municipal manager) but is about something else.
    for (const q of ['Milloin kirjasto on auki?', 'Mikä on kunnanjohtajan puhelinnumero?', 'Hur ansöker jag om bygglov?']) {
      expect([q, runtime.answerer.answer(q).answered]).toEqual([q, false]);
    }
    // Names nothing in scope, but Enontekiö's passage on who informs for the municipality matches it clearly.
    const clear = 'Vem ansvarar för kommunens allmänna information i Enontekis?';
    expect(scope.read(clear)).toEqual({ inScope: false });
    const answer = runtime.answerer.answer(clear);
    expect(answer.answered).toBe(true);
    expect(answer.quoted[0]!.passage.text).toContain('yleisestä tiedottamisesta vastaa kunnanjohtaja');
  });

  it('treats a missing file as no scope words and names file and field of an invalid one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-'));
    const file = path.join(dir, 'scope.yaml');
    expect(loadScopeCues(file)).toEqual(NO_SCOPE_CUES);
    expect(new QuestionScope(NO_SCOPE_CUES).empty).toBe(true);
    fs.writeFileSync(file, 'in_scope: {sv: [some]}\nout_of_scope:\n  Pay Day:\n    sv: [lön]\n');
    expect(() => loadScopeCues(file)).toThrow(/scope\.yaml: field "out_of_scope\.Pay Day"/);
    fs.writeFileSync(file, 'in_scope: {sv: [""]}\nout_of_scope: {}\n');
    expect(() => loadScopeCues(file)).toThrow(/field "in_scope\.sv\.0"/);
  });
});

describe('readers of a document written for elected officials alone', () => {
  const runtime = testGuidelineRuntime();
  const top = (q: string) => runtime.answerer.answer(q).hits[0]!.passage.source.docId;

  it('names elected officials when a question does, in either language', () => {
    expect([...scope.readersNamed('Får jag som förtroendevald skriva under pseudonym?')].sort()).toEqual(['elected_officials', 'everyone']);
    expect([...scope.readersNamed('Saako valtuutettu kirjoittaa nimimerkillä?')]).toContain('elected_officials');
    expect([...scope.readersNamed('Får jag skriva under pseudonym?')]).toEqual(['everyone']);
  });

  it("answers a staff member's question from the rules that bind everyone, an official's from Kimitoön's", () => {
    // Both Enontekiö's rule for everyone and Kimitoön's for elected officials speak of writing under a pseudonym.
    expect(top('Får jag skriva under pseudonym?')).not.toBe('kimitoon-fortroendevalda');
    expect(top('Som politiker, får jag skriva under pseudonym?')).toBe('kimitoon-fortroendevalda');
  });
});
