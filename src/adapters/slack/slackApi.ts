import type { HomeView, ModalView } from './slackTypes';
import type { WebClient } from './slackTypes';
import { ChannelPacer } from './channelPacer';
import type { SlackMessageBody } from './blocks/answerBlocks';

/**
 * Every Web API method the adapter calls, with the bot scopes it needs; the manifest must grant them all
 * (test/adapters/slack/manifest.test.ts), and the end-to-end tests check that nothing else is called.
 * chat:write.public lets the bot post to a public channel (IT security's) without being invited first.
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.update': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.open': ['im:write'],
  // Looking up an alert whose post went unanswered: DMs, public and private channels the bot is in.
  'conversations.history': ['im:history', 'channels:history', 'groups:history'],
  'users.info': ['users:read', 'users:read.email'],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
};

/** Scopes the features need besides Web API calls: receiving the events, commands and shortcuts. */
export const FEATURE_SCOPES: readonly string[] = ['app_mentions:read', 'im:history', 'commands'];

/** Message metadata (chat.postMessage `metadata`): an event type and a payload of plain values. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

/** A message as conversations.history returns it, as far as the adapter reads it. */
export interface HistoryMessage {
  ts?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** How long an opened DM channel id and a user's locale are remembered. */
const CACHE_MS = 60 * 60 * 1000;

/**
 * The Slack Web API calls the adapter makes, over one WebClient. The listeners' posts are paced per channel
 * (about one a second; the notifier's by the relay); what a 429 does depends on the client: the listeners' client waits Retry-After and retries, the
 * notifier's client rejects at once so the outbox relay waits Retry-After (see slackClients.ts).
 */
export class SlackApi {
  private readonly dms = new Map<string, { channel: string; until: number }>();

  /**
   * `pacer`: posts wait for their channel's turn (the listeners' replies). Without one, posts go out at once:
   * the notifier's posts are paced by the outbox relay before their time limit starts, and must not wait
   * behind a hung request here, where a post that outlived its time limit could still go out later.
   */
  constructor(
    readonly client: WebClient,
    private readonly pacer?: ChannelPacer,
    private readonly now: () => number = Date.now,
  ) {}

  /** Posts a message (in a thread when `threadTs` is given, with metadata when given); returns its channel and ts. */
  async post(channel: string, body: SlackMessageBody, threadTs?: string, metadata?: MessageMetadata): Promise<{ channel: string; ts: string }> {
    const send = () =>
      this.client.chat.postMessage({
        channel,
        text: body.text,
        blocks: body.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(metadata ? { metadata } : {}),
      });
    const result = this.pacer ? await this.pacer.run(channel, send) : await send();
    return { channel: result.channel ?? channel, ts: result.ts ?? '' };
  }

  /**
   * The messages of a channel posted at or after `oldest` (Unix seconds, Slack's ts format), newest first,
   * with their metadata (conversations.history, include_all_metadata), at most `maxPages` pages of 200.
   */
  async history(channel: string, oldest: string, maxPages = 5): Promise<HistoryMessage[]> {
    const messages: HistoryMessage[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const result = await this.client.conversations.history({ channel, oldest, inclusive: true, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      messages.push(...((result.messages ?? []) as HistoryMessage[]));
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) break;
    }
    return messages;
  }

  /** Replaces a posted message's text and blocks. */
  async update(channel: string, ts: string, body: SlackMessageBody): Promise<void> {
    await this.client.chat.update({ channel, ts, text: body.text, blocks: body.blocks });
  }

  /** The DM channel with a user (conversations.open), remembered for an hour. */
  async dmChannel(userId: string): Promise<string> {
    const cached = this.dms.get(userId);
    if (cached && cached.until > this.now()) return cached.channel;
    const result = await this.client.conversations.open({ users: userId });
    const channel = result.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    this.dms.set(userId, { channel, until: this.now() + CACHE_MS });
    return channel;
  }

  /** Sends a DM to a user. */
  async dm(userId: string, body: SlackMessageBody): Promise<{ channel: string; ts: string }> {
    return this.post(await this.dmChannel(userId), body);
  }

  /** The user's Slack locale and e-mail address (profile.email, with users:read.email), from one users.info. */
  async userInfo(userId: string): Promise<{ locale?: string; email?: string }> {
    const result = await this.client.users.info({ user: userId, include_locale: true });
    const email = result.user?.profile?.email;
    return { ...(result.user?.locale ? { locale: result.user.locale } : {}), ...(email ? { email } : {}) };
  }

  /** The user's Slack locale (e.g. "sv-SE"), from users.info with include_locale. */
  async userLocale(userId: string): Promise<string | undefined> {
    const result = await this.client.users.info({ user: userId, include_locale: true });
    return result.user?.locale;
  }

  /** A link to a message. */
  async permalink(channel: string, ts: string): Promise<string | undefined> {
    const result = await this.client.chat.getPermalink({ channel, message_ts: ts });
    return result.permalink;
  }

  openView(triggerId: string, view: ModalView): Promise<unknown> {
    return this.client.views.open({ trigger_id: triggerId, view });
  }

  pushView(triggerId: string, view: ModalView): Promise<unknown> {
    return this.client.views.push({ trigger_id: triggerId, view });
  }

  updateView(viewId: string, view: ModalView, hash?: string): Promise<unknown> {
    return this.client.views.update({ view_id: viewId, view, ...(hash ? { hash } : {}) });
  }

  publishHome(userId: string, view: HomeView): Promise<unknown> {
    return this.client.views.publish({ user_id: userId, view });
  }
}
