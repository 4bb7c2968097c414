import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGuidelineRuntime, guidelineSettings } from '../../../src/app/guidelineRuntime';
import { renderAnswerText } from '../../../src/core/guidelines/answerText';
import { loadConfig } from '../../../src/config';

const settings = { ...guidelineSettings({}), indexFile: path.join(os.tmpdir(), `somebot-org-index-${process.pid}.json`) };
const questions = fs
  .readFileSync(path.join(__dirname, '../../fixtures/questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);

describe('SOMEBOT_ORGANISATION', () => {
  const plain = createGuidelineRuntime(settings);
  const vimmerby = createGuidelineRuntime({ ...settings, organisation: 'vimmerby' });

  it('ranks the deployment’s own documents first, and never lifts another organisation’s', () => {
    let movedToOwn = 0;
    for (const q of questions) {
      const before = plain.answerer.answer(q);
      const after = vimmerby.answerer.answer(q);
      const b = before.hits[0]?.passage.source.org;
      const a = after.hits[0]?.passage.source.org;
      if (a !== b) {
        expect(a).toBe('vimmerby');
        movedToOwn++;
      }
      expect(after.answered).toBe(before.answered);
    }
    expect(movedToOwn).toBeGreaterThan(0);
  });

  it('labels other organisations’ rules as their practice, not ours', () => {
    let labelled = 0;
    for (const q of questions) {
      const answer = vimmerby.answerer.answer(q);
      if (!answer.answered) continue;
      const best = answer.quoted[0]!.passage.source;
      const text = renderAnswerText({ ...answer, quoted: [answer.quoted[0]!] }, 'x');
      const note = answer.lang === 'fi' ? 'Tämä on käytäntö' : 'Detta gäller i';
      if (best.org !== 'vimmerby' && best.kind === 'guideline') {
        expect(text).toContain(`${note.startsWith('Detta') ? 'Detta gäller i ' : 'Tämä on käytäntö: '}${best.organisation}`);
        labelled++;
      } else expect(text).not.toContain(note);
    }
    expect(labelled).toBeGreaterThan(0);
    // Without SOMEBOT_ORGANISATION nothing is labelled.
    const answer = plain.answerer.answer(questions[0]!);
    expect(renderAnswerText(answer, 'x')).not.toMatch(/Detta gäller i|Tämä on käytäntö/);
  });

  it('is read from the environment and refused when it is not an id', () => {
    expect(loadConfig({ SOMEBOT_ORGANISATION: 'vimmerby' }).guidelines.organisation).toBe('vimmerby');
    expect(() => loadConfig({ SOMEBOT_ORGANISATION: 'Vimmerby kommun' })).toThrow();
  });
});
