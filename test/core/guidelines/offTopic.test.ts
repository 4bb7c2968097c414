import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOffTopicCues, NO_OFF_TOPIC_CUES, OffTopicDetector } from '../../../src/core/guidelines/offTopic';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

const contentCues = loadOffTopicCues(path.join(__dirname, '../../../content/off-topic.yaml'));
const detector = new OffTopicDetector(contentCues);

describe('off-topic questions (content/off-topic.yaml)', () => {
  it.each([
    ['När betalas julilönen ut?', 'pay_and_benefits'],
    ['Kuinka monta vuosilomapäivää minulle kertyy?', 'leave_and_absence'],
    ['Skrivaren på tredje våningen fungerar inte, vem fixar den?', 'it_equipment_and_support'],
    ['Miten varaan neuvotteluhuoneen ensi viikoksi?', 'premises'],
    ['Hur fyller jag i reseräkningen efter kursen?', 'travel_and_expenses'],
  ])('recognises a workplace matter the guidelines do not cover: %s', (question, topic) => {
    expect(detector.topicOf(question)).toBe(topic);
  });

  it.each([
    'Vem sköter kommunens Facebook-sida när alla har semester?',
    'Saako lounastauolla selata somea työpuhelimella?',
    'Får jag lägga ut bilder från personalfesten på Instagram?',
  ])('leaves a question alone when it is about social media too: %s', (question) => {
    expect(detector.topicOf(question)).toBeUndefined();
  });

  it.each(['Hur ofta ska lösenorden bytas?', 'Kuka hyväksyy uuden somekanavan?', ''])('leaves guideline questions alone: %s', (q) => {
    expect(detector.topicOf(q)).toBeUndefined();
  });

  it('answers an off-topic question with "the guidelines do not answer this", whatever words it shares', () => {
    const runtime = testGuidelineRuntime();
    const answer = runtime.answerer.answer('Hur många semesterdagar har jag rätt till i år?');
    expect(answer).toMatchObject({ answered: false, reason: 'off_topic', quoted: [] });
    expect(runtime.answerer.answer('Vem sköter kommunens Facebook-sida under semestern?').answered).toBe(true);
  });

  it('treats a missing file as no off-topic list and names file and field of an invalid one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offtopic-'));
    expect(loadOffTopicCues(path.join(dir, 'off-topic.yaml'))).toEqual(NO_OFF_TOPIC_CUES);
    const file = path.join(dir, 'off-topic.yaml');
    fs.writeFileSync(file, 'topics:\n  Pay Day:\n    sv: [lön]\nsocial_media: {sv: [], fi: []}\n');
    expect(() => loadOffTopicCues(file)).toThrow(/off-topic\.yaml: field "topics\.Pay Day"/);
    fs.writeFileSync(file, 'topics:\n  pay:\n    sv: [""]\nsocial_media: {sv: [], fi: []}\n');
    expect(() => loadOffTopicCues(file)).toThrow(/field "topics\.pay\.sv\.0"/);
  });
});
