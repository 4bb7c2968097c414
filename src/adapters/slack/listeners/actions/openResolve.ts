import { translator } from '../../../../core/i18n';
import { resolveView } from '../../blocks/reportViews';
import type { SlackDeps } from '../../deps';
import { tellUser } from '../../replies/tellUser';
import { inModal, messageRespond, type ButtonListener } from './buttonClick';

/** "Resolve" on an alert: asks for the outcome note (the service checks access when it is submitted). */
export function openResolve(deps: SlackDeps): ButtonListener {
  return async (args) => {
    const { ack, body, action } = args;
    await ack();
    const user = await deps.users.identify(body.user.id);
    if (!user.person) {
      const respond = messageRespond(args);
      await tellUser(deps, { lang: user.lang, sentence: translator(user.lang)('slack:alert.notInDirectory'), ...(respond ? { respond } : {}), triggerId: body.trigger_id });
      return;
    }
    const view = resolveView(action.value ?? '', user.lang);
    await (inModal(body) ? deps.api.pushView(body.trigger_id, view) : deps.api.openView(body.trigger_id, view));
  };
}
