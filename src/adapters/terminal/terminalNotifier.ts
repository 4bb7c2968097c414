import type { Notifier, OutboundMessage } from '../../core/ports';
import { translator } from '../../core/i18n';
import type { UiLang } from '../../core/language/lang';
import { terminalSafe } from './terminalText';

/**
 * Shows alerts in the terminal chat, as the person they are for would receive them: the local stand-in for
 * Slack and Teams, so that routing, reminders and escalations can be seen without any account.
 */
export class TerminalNotifier implements Notifier {
  constructor(
    private readonly write: (text: string) => void,
    private readonly lang: UiLang,
  ) {}

  async deliver(message: OutboundMessage): Promise<void> {
    const t = translator(this.lang);
    const channel = message.to.kind === 'channel' ? message.to.channel.name ?? message.to.channel.id : '';
    const to = message.to.kind === 'person' ? message.to.person.name : channel.startsWith('#') ? channel : `#${channel}`;
    const body = terminalSafe(message.text)
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    this.write(`\n${t('cli:deliveredTo', { to })} ${message.subject}\n${body}\n`);
  }
}
