import { TeamsActivityHandler, type MessagingExtensionAction, type MessagingExtensionActionResponse, type TurnContext } from 'botbuilder';
import { fetchReportMessageTask, REPORT_MESSAGE_COMMAND, submitReportMessage } from './messageExtension';
import { handleMessage } from './handlers';
import { handleInstalled, handleUninstalled } from './handlers/installHandler';
import { turnFacts } from './turnFacts';
import type { TeamsTurnDeps } from './turnDeps';

/**
 * The Teams activity handler: routes messages (text and card actions) and installation events to the
 * handlers. Turns of one personal chat run one at a time, so a double click cannot interleave two steps of
 * the same report dialog. The message extension "Report this message" answers its fetchTask and
 * submitAction invokes; invokes the bot does not use (and other extension commands) are answered 501 by
 * botbuilder.
 */
export class SomebotTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsTurnDeps) {
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

  protected override async handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (action.commandId !== REPORT_MESSAGE_COMMAND) return super.handleTeamsMessagingExtensionFetchTask(context, action);
    return fetchReportMessageTask(context, action, this.deps);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (action.commandId !== REPORT_MESSAGE_COMMAND) return super.handleTeamsMessagingExtensionSubmitAction(context, action);
    return submitReportMessage(context, action, this.deps);
  }
}
