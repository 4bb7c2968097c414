import readline from 'node:readline';
import { loadConfig } from '../../config';
import { createGuidelineRuntime } from '../../app/guidelineRuntime';
import { TerminalNotifier } from '../../adapters/terminal/terminalNotifier';
import { renderAnswerText } from '../../core/guidelines/answerText';
import { systemClock } from '../../core/clock';
import { Conversation, type ConversationReply, type ConversationSession } from '../../core/conversation/conversation';
import { renderPlainText } from '../../core/reports/dialog';
import { conversationId, DialogSessions } from '../../core/reports/dialogSessions';
import type { Directory, Person } from '../../core/ports';
import type { Relay } from '../../core/delivery/relay';
import { openReporting, type Reporting } from '../../reporting';
import { parseArgs, type CliCommand, type CliIo } from '../command';
import { cliLang, cliT } from '../cliLang';

/** Who the terminal user is: `--as ID`, else the first employee in the directory who has a manager. */
async function chooseUser(directory: Directory, asId: string | undefined): Promise<Person | undefined> {
  if (asId) return directory.person(asId);
  const people = await directory.all();
  return people.find((p) => p.roles.length === 1 && p.roles[0] === 'employee' && p.managerId) ?? people[0];
}

function render(reply: ConversationReply, contact: string): string {
  return reply.type === 'answer' ? renderAnswerText(reply.answer, contact) : renderPlainText(reply.reply);
}

/**
 * `somebot chat [--as PERSON_ID]`: the terminal chat (what `npm start` opens until the chat server exists).
 * Questions get cited answers; reports go through the dialog into the store, and the alerts they cause are
 * shown in the terminal as the recipients would receive them.
 */
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'chat in the terminal: ask questions and make reports [--as PERSON_ID]',
  async run(args, io) {
    const t = cliT();
    const { flags } = parseArgs(args, ['as']);
    const runtime = createGuidelineRuntime();
    const hint = cliLang() === 'en' ? undefined : cliLang();
    const config = loadConfig();

    let reporting: Reporting | undefined;
    let relay: Relay | undefined;
    let user: Person | undefined;
    try {
      reporting = await openReporting(config);
      user = await chooseUser(reporting.directory, typeof flags.as === 'string' ? flags.as : undefined);
      if (!user) {
        io.err(t('cli:unknownPerson', { id: String(flags.as) }));
        await reporting.close();
        return 2;
      }
      relay = reporting.createRelay(new TerminalNotifier((text) => io.out(text), cliLang()));
      relay.start();
    } catch (err) {
      // The store may be held by a running bot: questions still work, reports are refused politely.
      io.err(t('cli:reportingOff', { reason: err instanceof Error ? err.message : String(err) }));
      reporting = undefined;
    }

    const conversation = new Conversation({
      answerer: runtime.answerer,
      clock: systemClock,
      timeZone: config.timeZone,
      ...(reporting
        ? {
            reporting: {
              service: reporting.service,
              sessions: reporting.sessions as unknown as DialogSessions<ConversationSession>,
              directory: reporting.directory,
              routingTable: reporting.routingTable,
            },
          }
        : {}),
    });

    io.out(t('cli:chatWelcome'));
    if (user) io.out(t('cli:chatAs', { name: user.name, id: user.id }));
    const id = conversationId('terminal', user?.id ?? 'anonymous');
    await chatLoop(io, async (text) => {
      const replies = await conversation.handle({ conversationId: id, personId: user?.id ?? 'anonymous', text, ...(hint ? { localeHint: hint } : {}) });
      return replies.map((r) => render(r, runtime.settings.contact)).join('\n\n');
    });
    if (relay) {
      await relay.runOnce();
      await relay.stop();
    }
    await reporting?.close();
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
