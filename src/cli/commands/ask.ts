import { createGuidelineRuntime } from '../../app/guidelineRuntime';
import { renderAnswerText } from '../../core/guidelines/answerText';
import { evalItemSchema, toBatchLine } from '../../core/guidelines/evaluation';
import { isUiLang } from '../../core/language/lang';
import { parseArgs, type CliCommand } from '../command';
import { readJsonl } from '../jsonl';

/** `somebot ask "text"`, `ask --json "text"`, `ask --batch FILE`: guideline answers from the command line. */
export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'answer a question: ask "text" | ask --json "text" | ask --batch FILE.jsonl [--lang-hint sv|fi]',
  async run(args, io) {
    const { flags, rest } = parseArgs(args, { valued: ['batch', 'lang-hint'], switches: ['json'] });
    const hint = isUiLang(flags['lang-hint']) ? flags['lang-hint'] : undefined;
    const runtime = createGuidelineRuntime();
    if (typeof flags.batch === 'string') {
      const items = readJsonl(flags.batch, evalItemSchema);
      for (const item of items) io.out(JSON.stringify(toBatchLine(item.id, runtime.answerer.answer(item.q, hint))));
      return 0;
    }
    const text = rest.join(' ');
    const answer = runtime.answerer.answer(text, hint);
    if (flags.json) io.out(JSON.stringify(toBatchLine('ask', answer)));
    else io.out(renderAnswerText(answer, runtime.settings.contact));
    return 0;
  },
};

