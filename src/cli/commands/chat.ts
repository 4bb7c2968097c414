import readline from 'node:readline';
import { createGuidelineRuntime } from '../../app/guidelineRuntime';
import { renderAnswerText } from '../../core/guidelines/answerText';
import { translator } from '../../core/i18n';
import type { CliCommand } from '../command';
import { cliLang, cliT } from '../cliLang';

/** `somebot chat`: an interactive terminal chat (what `npm start` opens until the chat server exists). */
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'chat in the terminal: ask questions in Swedish or Finnish',
  async run(_args, io) {
    const t = cliT();
    const runtime = createGuidelineRuntime();
    const hint = cliLang() === 'en' ? undefined : cliLang();
    io.out(t('cli:chatWelcome'));
    const rl = readline.createInterface({ input: io.stdin, terminal: false });
    const interactive = (io.stdin as NodeJS.ReadStream).isTTY === true;
    const prompt = () => {
      if (interactive) process.stdout.write(t('cli:chatPrompt'));
    };
    prompt();
    for await (const line of rl) {
      if (line.trim() === '') {
        prompt();
        continue;
      }
      const answer = runtime.answerer.answer(line, hint);
      let reply = renderAnswerText(answer, runtime.settings.contact);
      if (answer.intent.startsWith('report:')) reply = `${translator(answer.lang)('guidelines:reportOffer')}\n\n${reply}`;
      io.out(`${reply}\n`);
      prompt();
    }
    return 0;
  },
};
