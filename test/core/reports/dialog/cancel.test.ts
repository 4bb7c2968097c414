/** Cancel works at every step, in every way, and submits nothing. */
import { step } from '../../../../src/core/reports/dialog/dialog';
import { CHOICE, STEP, STEP_IDS, type StepId } from '../../../../src/core/reports/dialog/steps';
import type { DialogContext, DialogEvent, DialogState, DialogStep } from '../../../../src/core/reports/dialog/types';
import { DEMO, demoContext } from '../../../helpers/reportFixtures';
import { choice } from './transcript';

/**
 * A valid answer for every step. jussi.heikkinen has no manager, so the dialog asks for one; "other" platform
 * and "yes, my manager" open the remaining steps: together they visit every step id.
 */
const ANSWERS: Record<StepId, DialogEvent> = {
  [STEP.category]: choice('threat'),
  [STEP.immediateDanger]: choice(CHOICE.no),
  [STEP.platform]: choice('other'),
  [STEP.platformOther]: { type: 'text', text: 'Mastodon' },
  [STEP.accountKind]: choice('private_profile'),
  [STEP.description]: { type: 'text', text: 'Uhkaava viesti.' },
  [STEP.occurredOn]: { type: 'text', text: 'tänään' },
  [STEP.evidence]: { type: 'text', text: 'ei' },
  [STEP.manager]: choice(DEMO.karin),
  [STEP.subjectIsManager]: choice(CHOICE.yes),
  [STEP.alternateRecipient]: choice(DEMO.kaisa),
  [STEP.confirm]: choice(CHOICE.confirm),
};

/** Drives the dialog until it waits at `target`, failing if a submit happens on the way. */
function driveTo(target: StepId, ctx: DialogContext): DialogState {
  let result: DialogStep = step(undefined, { type: 'start' }, ctx);
  for (let guard = 0; guard < STEP_IDS.length + 1; guard++) {
    expect(result.effect).toBeUndefined();
    const state = result.state!;
    if (state.step === target) return state;
    result = step(state, ANSWERS[state.step], ctx);
  }
  throw new Error(`never reached ${target}`);
}

const CANCELS: [string, DialogEvent][] = [
  ['the cancel event', { type: 'cancel' }],
  ['"peruuta"', { type: 'text', text: 'peruuta' }],
  ['"Avbryt"', { type: 'text', text: 'Avbryt' }],
  ['"CANCEL."', { type: 'text', text: 'CANCEL.' }],
  ['the cancel button', choice(CHOICE.cancel)],
];

describe.each(STEP_IDS.map((id) => [id]))('at step %s', (target) => {
  it.each(CANCELS)('%s cancels and submits nothing', async (_how, cancel) => {
    const ctx = await demoContext(DEMO.jussi, 'fi');
    const state = driveTo(target, ctx);
    const before = JSON.stringify(state);
    const result = step(state, cancel, ctx);
    expect(result.effect).toEqual({ type: 'cancelled' });
    expect(result.state).toBeUndefined();
    expect(result.replies).toEqual([{ kind: 'info', text: 'Ilmoitus peruttiin. Mitään ei lähetetty.' }]);
    expect(JSON.stringify(state)).toBe(before);
    // Nothing is left to continue: the next message finds no dialog.
    const after = step(result.state, { type: 'text', text: 'kyllä' }, ctx);
    expect(after.effect).toBeUndefined();
    expect(after.replies[0]!.text).toBe('Sinulla ei ole keskeneräistä ilmoitusta.');
  });
});

it('the answers above visit every step and end in a submit', async () => {
  const ctx = await demoContext(DEMO.jussi, 'fi');
  const seen: StepId[] = [];
  let result = step(undefined, { type: 'start' }, ctx);
  while (result.state) {
    seen.push(result.state.step);
    result = step(result.state, ANSWERS[result.state.step], ctx);
  }
  expect(seen).toEqual([...STEP_IDS]);
  expect(result.effect).toEqual({
    type: 'submit',
    draft: {
      category: 'threat',
      immediateDanger: false,
      platform: 'other',
      platformOther: 'Mastodon',
      accountKind: 'private_profile',
      description: 'Uhkaava viesti.',
      occurredOn: '2026-03-16',
      evidence: { links: [], quotes: [], files: [] },
      managerId: DEMO.karin,
      subjectIsManager: true,
      alternateRecipientId: DEMO.kaisa,
    },
  });
});
