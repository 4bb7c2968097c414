import type { RespondFn } from '@slack/bolt';
import { noticeView } from '../blocks/modal';
import type { UiLang } from '../../../core/language/lang';
import type { SlackDeps } from '../deps';

/**
 * Tells the person who clicked something a translated sentence: privately under the message they clicked
 * (an ephemeral reply through response_url), or in a small modal when the click came from a view.
 */
export async function tellUser(
  deps: SlackDeps,
  input: { lang: UiLang; sentence: string; respond?: RespondFn; triggerId?: string; inModal?: boolean },
): Promise<void> {
  if (input.respond) {
    await input.respond({ response_type: 'ephemeral', replace_original: false, text: input.sentence });
    return;
  }
  if (!input.triggerId) return;
  const view = noticeView(input.lang, input.sentence);
  await (input.inModal ? deps.api.pushView(input.triggerId, view) : deps.api.openView(input.triggerId, view));
}
