import type { ModalView } from '../slackTypes';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { INPUT, VIEW } from '../ids';
import type { SlackMessageBody } from './answerBlocks';
import { modal } from './modal';
import { plain } from './text';

/** App Home's "Ask a question": one text input; the answer replaces the modal. */
export function askView(lang: UiLang): ModalView {
  const t = translator(lang);
  return modal({
    callbackId: VIEW.ask,
    title: t('slack:ask.title'),
    submit: t('slack:ask.submit'),
    close: t('slack:form.cancel'),
    blocks: [
      {
        type: 'input',
        block_id: INPUT.question,
        label: plain(t('slack:ask.label'), 2000),
        hint: plain(t('slack:ask.hint'), 2000),
        element: { type: 'plain_text_input', action_id: INPUT.question, multiline: true, max_length: 2000 },
      },
    ],
  });
}

/** The reply to a question asked in the modal (an answer, or the offer to report), read-only. */
export function replyView(reply: SlackMessageBody, lang: UiLang): ModalView {
  const t = translator(lang);
  return modal({ callbackId: VIEW.readOnly, title: t('slack:ask.answerTitle'), blocks: reply.blocks, close: t('slack:notice.close') });
}
