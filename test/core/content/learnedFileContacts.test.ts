import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGuidelineRuntime } from '../../../src/app/guidelineRuntime';
import { DEFAULT_ANSWER_POLICY } from '../../../src/core/guidelines/guidelineAnswerer';
import { renderAnswerText } from '../../../src/core/guidelines/answerText';
import { REPO_ROOT } from '../../../src/core/i18n';

describe('contacts kept in content/learned.yaml', () => {
  it('are named for an unanswered question, by the start that builds the index and by the one that loads it', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-content-'));
    fs.cpSync(path.join(REPO_ROOT, 'content'), content, { recursive: true });
    const learned = path.join(content, 'learned.yaml');
    fs.writeFileSync(
      learned,
      fs.readFileSync(learned, 'utf8').replace(/^contacts: \[\]$/m, 'contacts:\n  - question: Vem godkänner mina övertimmar?\n    lang: sv\n    contact: hr@kyrkslatt.example'),
    );
    const settings = {
      contentDir: content,
      indexFile: path.join(content, 'index.json'),
      contact: 'kommunikation@kyrkslatt.example',
      answerThreshold: DEFAULT_ANSWER_POLICY.inScope.minCoverage,
    };
    for (const expected of ['built-missing', 'loaded']) {
      const runtime = createGuidelineRuntime(settings);
      expect(runtime.origin).toBe(expected);
      const answer = runtime.answerer.answer('vem godkänner övertimmar');
      expect(answer.answered).toBe(false);
      expect(renderAnswerText(answer, settings.contact)).toContain('hr@kyrkslatt.example');
    }
  });
});
