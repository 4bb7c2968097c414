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
  'users.info': ['users:read', 'users:read.email'],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
};

/** Scopes the features need besides Web API calls: receiving the events, commands and shortcuts. */
export const FEATURE_SCOPES: readonly string[] = ['app_mentions:read', 'im:history', 'commands'];

/** How long an opened DM channel id and a user's locale are remembered. */
const CACHE_MS = 60 * 60 * 1000;

/**
 * The Slack Web API calls the adapter makes, over one WebClient. Posts are paced per channel (about one a
 * second); what a 429 does depends on the client: the listeners' client waits Retry-After and retries, the
 * notifier's client rejects at once so the outbox relay waits Retry-After (see slackClients.ts).
 */
export class SlackApi {
  private readonly dms = new Map<string, { channel: string; until: number }>();

  constructor(
    readonly client: WebClient,
    private readonly pacer: ChannelPacer,
    private readonly now: () => number = Date.now,
  ) {}

  /** Posts a message (in a thread when `threadTs` is given); returns its channel and ts. */
  async post(channel: string, body: SlackMessageBody, threadTs?: string): Promise<{ channel: string; ts: string }> {
    const result = await this.pacer.run(channel, () =>
      this.client.chat.postMessage({ channel, text: body.text, blocks: body.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) }),
    );
    return { channel: result.channel ?? channel, ts: result.ts ?? '' };
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
