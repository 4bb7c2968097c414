import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { SavedReference } from '../conversationBook';
import { withThrottleRetry, type ThrottlePolicy } from './connectorFailure';

/** The part of a ConnectorClient's Azure pipeline this module touches (botbuilder-stdlib's ServiceClientContext). */
interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * Removes the Azure SDK's own retry policy from a ConnectorClient: it would repeat a failed post on its
 * own (5xx, network errors) and wait out a 429 without jitter, both invisible to the relay. Retries of
 * proactive messages belong to withThrottleRetry (429) and the relay (everything else), which keep the
 * outbox's once-only guarantee. Returns false when the client is not built as expected (botbuilder
 * changed): the message is still sent, with the SDK's retries.
 */
export function withoutSdkRetries(client: ConnectorClient): boolean {
  const pipeline = (client as unknown as PipelineHolder).client?.pipeline;
  if (!pipeline || typeof pipeline.removePolicy !== 'function') return false;
  pipeline.removePolicy({ phase: 'Retry' });
  return true;
}

/**
 * Sends and updates activities outside a user's turn (`continueConversationAsync`). A new message is posted
 * with `sendToConversation`, so in a channel it starts a new post rather than answering an old thread.
 * Failures are thrown as TeamsErrors (connectorFailure.ts); a 429 is waited out per the throttle policy.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's Microsoft App ID ('' when authentication is off). */
    private readonly botAppId: string,
    private readonly throttle: ThrottlePolicy,
  ) {}

  /** Posts `activity` into the referenced conversation and returns the id Teams gave it. */
  async send(reference: SavedReference, activity: Partial<Activity>): Promise<string> {
    return withThrottleRetry(
      () =>
        this.inConversation(reference, async (context, client) => {
          const outgoing = { ...activity, from: reference.bot, recipient: reference.user, conversation: reference.conversation } as Activity;
          const response = await client.conversations.sendToConversation(context.activity.conversation.id, outgoing);
          return response.id ?? '';
        }),
      this.throttle,
    );
  }

  /** Replaces the content of an activity the bot posted earlier. */
  async update(reference: SavedReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    await withThrottleRetry(
      () =>
        this.inConversation(reference, async (context, client) => {
          const outgoing = { ...activity, id: activityId, from: reference.bot, conversation: reference.conversation } as Activity;
          await client.conversations.updateActivity(context.activity.conversation.id, activityId, outgoing);
        }),
      this.throttle,
    );
  }

  /**
   * Runs `work` in a proactive turn. Errors are carried out of the turn explicitly: the adapter would
   * otherwise hand them to its onTurnError and the caller would believe the message was sent.
   */
  private async inConversation<T>(reference: SavedReference, work: (context: TurnContext, client: ConnectorClient) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        withoutSdkRetries(client);
        outcome = { ok: true, value: await work(context, client) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (!outcome) throw new Error('proactive turn did not run');
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}
