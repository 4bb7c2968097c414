import { CANCEL_WORDS, NO_WORDS, YES_WORDS, type Option } from '../reports/dialog/answers';
import { CHOICE } from '../reports/dialog/steps';
import { findReference } from '../reports/reference';
import { isCommandOf } from './reportCommand';
import type { WithdrawQuestion } from '../reports/withdrawal';

/**
 * A typed withdraw: the whole message is one of the `withdrawConfirm:commands` of any language ("återkalla",
 * "peru ilmoitus", "withdraw") with a report reference ("återkalla SOME-2026-0042"). `reference` is undefined
 * when only the words were typed. Undefined for any other message, so a sentence that merely mentions
 * withdrawing is still a question or a report.
 */
export function withdrawCommand(text: string): { reference?: string } | undefined {
  const found = findReference(text);
  if (!isCommandOf(found ? text.replace(found.typed, ' ') : text, 'withdrawConfirm:commands', 4)) return undefined;
  return found?.reference ? { reference: found.reference } : {};
}

/**
 * The typed question's two answers, as the dialog understands yes and no: [Withdraw] also by its number or the
 * dialog's yes words, [Cancel] also by the no words and the dialog's cancel words. Cancel is the dialog's own
 * cancel choice (CHOICE.cancel), so a door's Cancel, which ends any dialog, ends this question too and is not
 * offered twice.
 */
export function withdrawOptions(question: Pick<WithdrawQuestion, 'confirm' | 'cancel'>): Option[] {
  return [
    { id: question.confirm.action, label: question.confirm.label, aliases: YES_WORDS },
    { id: CHOICE.cancel, label: question.cancel.label, aliases: [question.cancel.action, ...NO_WORDS, ...CANCEL_WORDS] },
  ];
}

/** The option a button's choice id picks (its id, or an alias such as the cancel action's id). */
export function withdrawOptionOf(choice: string, options: readonly Option[]): Option | undefined {
  return options.find((o) => o.id === choice || (o.aliases ?? []).includes(choice));
}
