import { askView } from '../../blocks/askViews';
import type { SlackDeps } from '../../deps';
import type { ButtonListener } from './buttonClick';

/** App Home's "Ask a question": opens the question modal in the user's language. */
export function openAsk(deps: SlackDeps): ButtonListener {
  return async ({ ack, body }) => {
    await ack();
    const user = await deps.users.identify(body.user.id);
    await deps.api.openView(body.trigger_id, askView(user.lang));
  };
}
