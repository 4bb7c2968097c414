/**
 * Transcript runner for the report dialog: a table of [user says, bot answers] rows, in the style of
 * BotBuilder's bookingDialogTestCases. "User says" is typed text or a raw DialogEvent; "bot answers" is a
 * distinctive substring (or several) of the replies as a text surface shows them (choices numbered), a
 * reply kind, an effect, or a custom check.
 */
import type { ReportCategory } from '../../../../src/core/reports/categories';
import { renderPlainText } from '../../../../src/core/reports/dialog/plainText';
import { step } from '../../../../src/core/reports/dialog/dialog';
import type { DialogContext, DialogEvent, DialogState, DialogStep, ReplyKind } from '../../../../src/core/reports/dialog/types';

export type Say = string | DialogEvent;
export type Expect =
  | string
  | string[]
  | { kind: ReplyKind }
  | { effect: 'submit' | 'cancelled' }
  | ((result: DialogStep) => void);
export type Turn = [Say, Expect];

export const start = (category?: ReportCategory): DialogEvent => (category ? { type: 'start', category } : { type: 'start' });
export const choice = (id: string): DialogEvent => ({ type: 'choice', id });
export const kind = (k: ReplyKind): Expect => ({ kind: k });

export function toEvent(say: Say): DialogEvent {
  return typeof say === 'string' ? { type: 'text', text: say } : say;
}

export function allText(result: DialogStep): string {
  return result.replies.map(renderPlainText).join('\n---\n');
}

function check(expect: Expect, result: DialogStep, row: number): void {
  const where = `row ${row}: replies were\n${allText(result)}`;
  if (typeof expect === 'function') return expect(result);
  if (typeof expect === 'string' || Array.isArray(expect)) {
    for (const part of [expect].flat()) {
      if (!allText(result).includes(part)) throw new Error(`expected "${part}" in ${where}`);
    }
    return;
  }
  if ('kind' in expect) {
    if (!result.replies.some((r) => r.kind === expect.kind)) throw new Error(`expected a reply of kind ${expect.kind} in ${where}`);
    return;
  }
  if (result.effect?.type !== expect.effect) throw new Error(`expected effect ${expect.effect}, got ${result.effect?.type} at ${where}`);
}

export interface TranscriptRun {
  results: DialogStep[];
  final: DialogStep;
  /** Every state the dialog passed through (after each row). */
  states: (DialogState | undefined)[];
}

/**
 * Plays the rows in order and checks each answer. With `restartBetweenRows`, the state is serialised to
 * JSON and parsed back before every row, as a store would do across a restart.
 */
export function play(turns: Turn[], ctx: DialogContext, options: { restartBetweenRows?: boolean; from?: DialogState } = {}): TranscriptRun {
  let state: DialogState | undefined = options.from;
  const results: DialogStep[] = [];
  const states: (DialogState | undefined)[] = [];
  turns.forEach(([say, expect], index) => {
    if (options.restartBetweenRows && state) state = JSON.parse(JSON.stringify(state)) as DialogState;
    const result = step(state, toEvent(say), ctx);
    check(expect, result, index + 1);
    results.push(result);
    state = result.state;
    states.push(state);
  });
  return { results, final: results[results.length - 1]!, states };
}
