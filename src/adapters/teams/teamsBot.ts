import { TeamsActivityHandler } from 'botbuilder';
import { handleMessage } from './handlers';
import { handleInstalled, handleUninstalled } from './handlers/installHandler';
import { turnFacts } from './turnFacts';
import type { TeamsTurnDeps } from './turnDeps';

/**
 * The Teams activity handler: routes messages (text and card actions) and installation events to the
 * handlers. Turns of one personal chat run one at a time, so a double click cannot interleave two steps of
 * the same report dialog. Invokes the bot does not use are answered 501 by botbuilder.
 */
export class SomebotTeamsBot extends TeamsActivityHandler {
  constructor(deps: TeamsTurnDeps) {
    super();
    this.onMessage(async (context, next) => {
      const facts = await turnFacts(context, deps);
      const run = () => handleMessage(context, facts, deps);
      await (facts.personal ? deps.turns.run(facts.conversationId, run) : run());
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await handleInstalled(context, await turnFacts(context, deps), deps);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await handleUninstalled(context, await turnFacts(context, deps), deps);
      await next();
    });
  }
}
