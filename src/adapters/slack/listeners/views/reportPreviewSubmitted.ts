import { createHash } from 'node:crypto';
import { translator } from '../../../../core/i18n';
import { errorFields } from '../../../../core/logger';
import { CHOICE, formatReceipt, step } from '../../../../core/reports/dialog';
import { isReportError, reportErrorMessage } from '../../../../core/reports/reportErrors';
import { sentenceBlocks } from '../../blocks/answerBlocks';
import { noticeView } from '../../blocks/modal';
import { notificationBlocks } from '../../blocks/alertBlocks';
import type { SlackDeps } from '../../deps';
import { metadataLang } from '../../replies/metadata';
import { dialogContext } from '../../replies/reportForm';
import { modalConversation, type ViewSubmissionListener } from './viewSubmission';

/**
 * "Send" on the preview: the core confirms the dialog and the service commits the report (with its alerts
 * and timers) in one transaction — and only then is Slack's request acknowledged, closing the modal. The
 * submission key is derived from the modal and the draft, so the same modal sent twice (a double click, a
 * retry) is one report. After the acknowledgement the receipt goes to the reporter by DM (with Details and Withdraw) and due alerts
 * are delivered at once. A failure replaces the preview with the translated reason; "Back" returns to the
 * form with everything typed.
 */
export function reportPreviewSubmitted(deps: SlackDeps): ViewSubmissionListener {
  return async ({ ack, body, view }) => {
    const { bot, logger } = deps;
    const lang = metadataLang(view.private_metadata, bot.config.defaultLang);
    const t = translator(lang);
    const fail = (sentence: string) => ack({ response_action: 'update', view: noticeView(lang, sentence) });
    const conversation = modalConversation(view.root_view_id ?? view.id);
    const person = await bot.reporting.directory.findByIdentity('slack', body.user.id);
    if (!person) return fail(t('slack:report.notInDirectory'));
    const state = await bot.reporting.sessions.load(conversation);
    if (!state) return fail(t('slack:preview.expired'));
    const next = step(state, { type: 'choice', id: CHOICE.confirm }, await dialogContext(deps, person, lang));
    if (next.effect?.type !== 'submit') return fail(next.replies.map((r) => r.text).join('\n\n') || t('reports:error.form'));
    const draft = next.effect.draft;
    const submissionKey = createHash('sha256').update(conversation).update('\0').update(JSON.stringify(draft)).digest('hex');
    let receipt;
    try {
      receipt = await bot.reporting.service.submit(draft, person.id, { lang, submissionKey });
    } catch (err) {
      if (!isReportError(err)) throw err;
      return fail(reportErrorMessage(err, lang));
    }
    await bot.reporting.sessions.clear(conversation);
    try {
      await ack({ response_action: 'clear' });
    } catch (err) {
      // Slack stopped waiting (3 s): the report is committed all the same, and the receipt below says so.
      logger.warn('slack_ack_failed', { reference: receipt.reference, ...errorFields(err) });
    }
    // The receipt is a copy of the report kept up to date from the core: recorded where it was shown, so each
    // change of the report redraws it (its Withdraw goes once it no longer applies).
    let shown: { channel: string; ts: string } | undefined;
    const copy = await bot.reporting.service.receiptCopy(receipt.reference, person.id, 'slack').catch((err: unknown) => {
      logger.warn('slack_receipt_failed', { reference: receipt.reference, ...errorFields(err) });
      return undefined;
    });
    try {
      shown = await deps.api.dm(body.user.id, copy ? notificationBlocks(copy) : sentenceBlocks(formatReceipt(receipt, lang).text));
    } catch (err) {
      logger.warn('slack_receipt_failed', { reference: receipt.reference, ...errorFields(err) });
    }
    if (copy && shown) {
      // With where Slack shows it, in one transaction; while the store is away, recorded by the relay once it is back.
      const { channel, ts } = shown;
      const reference = receipt.reference;
      await bot.reporting.receipts.record({
        copy,
        door: 'slack',
        shownAs: ts,
        where: (tx, key) => tx.recordSlackMessage({ idempotencyKey: key, reference, channelId: channel, ts, postedAt: bot.clock.now() }),
      });
    }
    await bot.deliverDue();
  };
}
