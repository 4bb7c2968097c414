import type { KnownBlock, ModalView } from '../slackTypes';
import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { VIEW } from '../ids';
import { LIMIT, plain, truncate } from './text';
import { textBlocks } from './textBlocks';

/** A modal with Slack's limits applied (title and buttons 24 characters, at most 100 blocks). */
export function modal(input: {
  callbackId: string;
  title: string;
  blocks: KnownBlock[];
  close: string;
  submit?: string;
  privateMetadata?: string;
}): ModalView {
  return {
    type: 'modal',
    callback_id: input.callbackId,
    title: plain(input.title, LIMIT.modalTitle),
    close: plain(input.close, LIMIT.modalButton),
    ...(input.submit ? { submit: plain(input.submit, LIMIT.modalButton) } : {}),
    blocks: input.blocks.slice(0, LIMIT.blocksPerView),
    ...(input.privateMetadata ? { private_metadata: truncate(input.privateMetadata, LIMIT.privateMetadata) } : {}),
  };
}

/** A read-only modal with one translated sentence (a refusal, an error, a confirmation). */
export function noticeView(lang: UiLang, sentence: string, title?: string): ModalView {
  const t = translator(lang);
  return modal({ callbackId: VIEW.readOnly, title: title ?? t('slack:notice.title'), blocks: textBlocks(sentence), close: t('slack:notice.close') });
}
