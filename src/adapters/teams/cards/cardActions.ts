import { z } from 'zod';
import { MESSAGE_ACTIONS } from '../../../core/delivery/messageKinds';
import { UI_LANGS } from '../../../core/language/lang';
import { WITHDRAW_ACTION } from '../../../core/reports/withdrawal';

/**
 * What a card button sends back, declared once. Teams delivers an Action.Submit as a message whose `value`
 * is the button's data merged with the card's inputs; `action` says which handler takes it. Report actions
 * reuse the core's ids (MESSAGE_ACTIONS) so a click maps straight to the service call of the same name.
 */
export const CARD_ACTION = {
  /** An answer to the text-mode dialog's current question (a button, or the `choice` drop-down). */
  dialogChoice: 'dialog.choice',
  /** Show the report form (in the personal chat). */
  openForm: 'report.open_form',
  /** The filled-in report form. */
  submitForm: 'report.submit_form',
  /** "Helpful" / "Not helpful" on an answer. */
  feedback: 'answer.feedback',
  acknowledge: MESSAGE_ACTIONS.acknowledge,
  startProgress: MESSAGE_ACTIONS.startProgress,
  /** Resolve with the outcome note typed into the card (input OUTCOME_INPUT_ID). */
  resolve: MESSAGE_ACTIONS.resolve,
  /** The reporter asks to withdraw their open report: the confirmation is shown. */
  withdraw: WITHDRAW_ACTION.ask,
  /** The confirmation's answers; they carry the report and the reporter it was asked of. */
  withdrawConfirm: WITHDRAW_ACTION.confirm,
  withdrawCancel: WITHDRAW_ACTION.cancel,
  /** The full report as a card, for those allowed to see it. */
  details: 'report.details',
} as const;
export type CardActionId = (typeof CARD_ACTION)[keyof typeof CARD_ACTION];

/** The id of the drop-down that carries a dialog choice when there are too many for buttons. */
export const CHOICE_INPUT_ID = 'choice';

/**
 * `from` of a button on a details card or the reporter's receipt buttons: after a step taken on one, the handler
 * draws the pressed card again at once (the core's refresh of the stored copy follows through the outbox).
 */
export const DETAILS_CARD = 'details';
export const RECEIPT_CARD = 'receipt';
/** `from` of the withdraw question sent as a card of its own (the Withdraw pressed had no card to draw it on). */
export const QUESTION_CARD = 'question';

/** The id of the text input that carries the outcome note of a resolve. */
export const OUTCOME_INPUT_ID = 'outcome';

const lang = z.enum(UI_LANGS);
const reference = z.string().min(1).max(40);

const cardActionSchema = z.discriminatedUnion('action', [
  z.looseObject({ action: z.literal(CARD_ACTION.dialogChoice), [CHOICE_INPUT_ID]: z.string().min(1).max(200) }),
  z.looseObject({ action: z.literal(CARD_ACTION.openForm), category: z.string().max(40).optional(), lang: lang.optional() }),
  z.looseObject({ action: z.literal(CARD_ACTION.submitForm), lang }),
  z.looseObject({
    action: z.literal(CARD_ACTION.feedback),
    helpful: z.boolean(),
    answerId: z.string().min(1).max(100),
    lang,
    answered: z.boolean(),
    passageId: z.string().max(200).nullable(),
  }),
  z.looseObject({ action: z.literal(CARD_ACTION.acknowledge), reference }),
  z.looseObject({ action: z.literal(CARD_ACTION.startProgress), reference }),
  // The note is checked by the service (empty or too long is a translated refusal), so any string passes here.
  z.looseObject({
    action: z.literal(CARD_ACTION.resolve),
    reference,
    [OUTCOME_INPUT_ID]: z.string().max(20_000).optional(),
    from: z.literal(DETAILS_CARD).optional(),
  }),
  z.looseObject({ action: z.literal(CARD_ACTION.withdraw), reference, from: z.enum([DETAILS_CARD, RECEIPT_CARD]).optional() }),
  z.looseObject({ action: z.literal(CARD_ACTION.withdrawConfirm), reference, reporter: z.string().min(1).max(200), from: z.enum([DETAILS_CARD, RECEIPT_CARD, QUESTION_CARD]).optional() }),
  z.looseObject({ action: z.literal(CARD_ACTION.withdrawCancel), reference, from: z.enum([DETAILS_CARD, RECEIPT_CARD, QUESTION_CARD]).optional() }),
  z.looseObject({ action: z.literal(CARD_ACTION.details), reference }),
]);

export type CardActionData = z.output<typeof cardActionSchema>;
export type CardActionOf<A extends CardActionId> = Extract<CardActionData, { action: A }>;

/** The card action in a message's `value`, or undefined when the value is not one of ours (or malformed). */
export function parseCardAction(value: unknown): CardActionData | undefined {
  const parsed = cardActionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** True when a message value claims to be a card action (so it is never read as typed text). */
export function looksLikeCardAction(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'action' in value;
}
