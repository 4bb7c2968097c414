import { translator } from '../../../../core/i18n';
import { FORM_FIELD, step } from '../../../../core/reports/dialog';
import { readViewState } from '../../blocks/formState';
import { previewView } from '../../blocks/reportViews';
import type { SlackDeps } from '../../deps';
import { toFormValues } from '../../replies/formValues';
import { metadataLang } from '../../replies/metadata';
import { dialogContext } from '../../replies/reportForm';
import { modalConversation, type ViewSubmissionListener } from './viewSubmission';

/**
 * The report form submitted: the core validates the whole form (its form-mode dialog step). Problems are
 * shown inline on their fields (response_action "errors"); a valid form is kept as the dialog state of this
 * modal and the preview is pushed over the form. Nothing is committed yet.
 */
export function reportFormSubmitted(deps: SlackDeps): ViewSubmissionListener {
  return async ({ ack, body, view }) => {
    const { bot } = deps;
    const lang = metadataLang(view.private_metadata, bot.config.defaultLang);
    const t = translator(lang);
    const person = await bot.reporting.directory.findByIdentity('slack', body.user.id);
    if (!person) {
      await ack({ response_action: 'errors', errors: { [FORM_FIELD.category]: t('slack:report.notInDirectory') } });
      return;
    }
    const ctx = await dialogContext(deps, person, lang);
    const { values, errors } = await toFormValues(readViewState(view.state.values), ctx, bot.reporting.directory, t);
    const next = step(undefined, { type: 'form', values }, ctx);
    for (const error of next.fieldErrors ?? []) errors[error.field] ??= error.message;
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors: onBlocksOf(view.blocks, errors) });
      return;
    }
    await bot.reporting.sessions.save(modalConversation(view.root_view_id ?? view.id), next.state);
    await ack({ response_action: 'push', view: previewView(next.replies, lang) });
  };
}

/** Slack rejects errors for blocks the view does not have: those go to the first block instead. */
function onBlocksOf(blocks: readonly { block_id?: string }[], errors: Record<string, string>): Record<string, string> {
  const ids = new Set(blocks.map((b) => b.block_id).filter((id): id is string => typeof id === 'string'));
  const first = blocks.find((b) => b.block_id)?.block_id ?? FORM_FIELD.category;
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const target = ids.has(field) ? field : first;
    out[target] = out[target] ? `${out[target]} ${message}` : message;
  }
  return out;
}
