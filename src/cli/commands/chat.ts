import readline from 'node:readline';
import { loadConfig } from '../../config';
import { createBot, type Bot } from '../../app/bot';
import { createGuidelineRuntime, guidelineSettings } from '../../app/guidelineRuntime';
import { TerminalNotifier } from '../../adapters/terminal/terminalNotifier';
import { terminalSafe } from '../../adapters/terminal/terminalText';
import { renderAnswerText } from '../../core/guidelines/answerText';
import { translator } from '../../core/i18n';
import { createJsonLogger } from '../../core/logger';
import type { ConversationReply } from '../../core/conversation/conversation';
import { renderPlainText } from '../../core/reports/dialog';
import { conversationId } from '../../core/reports/dialogSessions';
import type { Directory, Person } from '../../core/ports';
import { parseArgs, type CliCommand, type CliIo } from '../command';
import { cliLang, cliT } from '../cliLang';

/** Who the terminal user is: `--as ID`, else the first plain employee in the directory who has a manager. */
async function chooseUser(directory: Directory, asId: string | undefined): Promise<Person | undefined> {
  if (asId) return directory.person(asId);
  const people = await directory.all();
  return people.find((p) => p.roles.length === 1 && p.roles[0] === 'employee' && p.managerId) ?? people[0];
}

/** A reply as terminal text; an answer that offers to report ends with how to start one ("anmäl"). */
function render(reply: ConversationReply, contact: string): string {
  if (reply.type !== 'answer') return renderPlainText(reply.reply);
  const text = renderAnswerText(reply.answer, contact);
  return reply.answer.reportOffer ? `${text}\n\n${translator(reply.answer.lang)('dialog:offer.typed')}` : text;
}

/**
 * `somebot chat [--as PERSON_ID]`: the terminal chat. Questions get cited answers; reports go through the
 * dialog into the store, and the alerts they cause are shown in the terminal as the recipients would see
 * them. When the store cannot be opened (a running bot holds it), questions still work.
 */
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'chat in the terminal: ask questions and make reports [--as PERSON_ID]',
  async run(args, io) {
    const t = cliT();
    const { flags } = parseArgs(args, { valued: ['as'], positionals: false });
    const hint = cliLang() === 'en' ? undefined : cliLang();
    const config = loadConfig();

    let bot: Bot | undefined;
    let user: Person | undefined;
    try {
      bot = await createBot(config, { logger: createJsonLogger('error', (line) => io.err(line)) });
      user = await chooseUser(bot.reporting.directory, typeof flags.as === 'string' ? flags.as : undefined);
      if (!user) {
        io.err(t('cli:unknownPerson', { id: String(flags.as) }));
        await bot.close();
        return 2;
      }
      bot.notifier.add({ platform: 'web', notifier: new TerminalNotifier((text) => io.out(text), cliLang()), reaches: () => true });
      bot.startRelay();
    } catch (err) {
      io.err(t('cli:reportingOff', { reason: err instanceof Error ? err.message : String(err) }));
      bot = undefined;
    }
    const guidelines = bot?.guidelines ?? createGuidelineRuntime(guidelineSettings());
    const contact = guidelines.settings.contact;

    io.out(t('cli:chatWelcome'));
    if (user) io.out(t('cli:chatAs', { name: user.name, id: user.id }));
    const id = conversationId('terminal', user?.id ?? 'anonymous');
    await chatLoop(io, async (text) => {
      if (!bot || !user) return renderAnswerText(guidelines.answerer.answer(text, hint), contact);
      const replies = await bot.conversation.handle({ conversationId: id, personId: user.id, text, ...(hint ? { localeHint: hint } : {}) });
      return terminalSafe(replies.map((r) => render(r, contact)).join('\n\n'));
    });
    await bot?.deliverDue();
    await bot?.close();
    return 0;
  },
};

async function chatLoop(io: CliIo, respond: (text: string) => Promise<string>): Promise<void> {
  const t = cliT();
  const rl = readline.createInterface({ input: io.stdin, terminal: false });
  const interactive = (io.stdin as NodeJS.ReadStream).isTTY === true;
  const prompt = () => {
    if (interactive) process.stdout.write(t('cli:chatPrompt'));
  };
  prompt();
  for await (const line of rl) {
    if (line.trim() !== '') io.out(`${await respond(line)}\n`);
    prompt();
  }
}
