import type { Activity, ConversationReference } from 'botbuilder';
import type { Clock, Logger, Store } from '../../core/ports';
import { errorFields } from '../../core/logger';
import { channelKey, channelOfConversation, userKey } from './conversationKeys';

/** A conversation reference as the adapter keeps it: addressing only, no activity id, no display names. */
export type SavedReference = Partial<ConversationReference>;

interface Entry {
  reference: SavedReference;
  blocked: boolean;
}

/**
 * Where the bot can reach each Teams user (their personal chat with the bot) and each channel it is in.
 * Every inbound activity refreshes the sender's entry (and clears a blocked mark); entries live in the
 * store, so they survive restarts, and in memory, so `reaches` can answer synchronously. One process per
 * store is assumed (the relay and the endpoint run together).
 */
export class ConversationBook {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly deps: { store: Store; clock: Clock; logger: Logger }) {}

  /** Loads every saved entry (call once at start). */
  async load(): Promise<void> {
    for (const saved of await this.deps.store.teamsConversations()) {
      this.entries.set(saved.conversationKey, { reference: saved.reference as SavedReference, blocked: saved.blockedAt !== null });
    }
  }

  /**
   * Records how to reach the sender of an authenticated inbound activity: a personal chat under the user's
   * AAD object id, a channel under its channel id (without the thread, so alerts start a new post). Group
   * chats are not kept: alerts never go to a group chat. A failure to save is logged, never thrown (the
   * message itself is still handled).
   */
  async remember(activity: Activity): Promise<void> {
    const entry = this.entryOf(activity);
    if (!entry) return;
    const known = this.entries.get(entry.key);
    if (known && !known.blocked && JSON.stringify(known.reference) === JSON.stringify(entry.reference)) return;
    this.entries.set(entry.key, { reference: entry.reference, blocked: false });
    try {
      await this.deps.store.saveTeamsConversation(entry.key, entry.reference, this.deps.clock.now());
    } catch (err) {
      this.deps.logger.error('teams_reference_save_failed', errorFields(err));
    }
  }

  /** Forgets nothing but marks the conversation as refusing the bot (403) until its next message. */
  async block(key: string): Promise<void> {
    const known = this.entries.get(key);
    if (known) known.blocked = true;
    // A conversation the bot failed to create: remembered in memory only, so it is not tried for every alert.
    else this.entries.set(key, { reference: {}, blocked: true });
    await this.deps.store.blockTeamsConversation(key, this.deps.clock.now());
  }

  /** True when this key refused the bot (403) and has not written since. */
  isBlocked(key: string): boolean {
    return this.entries.get(key)?.blocked === true;
  }

  /**
   * Where a new personal conversation could be created: the service URL, the bot's account and the tenant
   * of a known conversation (one tenant's users share a service URL); undefined before the bot has heard
   * from anyone in Teams. `tenantId` (MICROSOFT_APP_TENANT_ID) wins over the donor's.
   */
  creationTarget(tenantId?: string): { serviceUrl: string; channelId: string; bot: NonNullable<SavedReference['bot']>; tenantId: string } | undefined {
    for (const entry of this.entries.values()) {
      const r = entry.reference;
      const tenant = tenantId ?? r.conversation?.tenantId;
      if (!entry.blocked && r.serviceUrl && r.bot?.id && tenant) return { serviceUrl: r.serviceUrl, channelId: r.channelId ?? 'msteams', bot: r.bot, tenantId: tenant };
    }
    return undefined;
  }

  /** Keeps a personal conversation the bot created itself (so the next alert reuses it). */
  async saveCreated(key: string, reference: SavedReference): Promise<void> {
    this.entries.set(key, { reference, blocked: false });
    await this.deps.store.saveTeamsConversation(key, reference, this.deps.clock.now());
  }

  /** True when the bot has an unblocked reference for this key. */
  reaches(key: string): boolean {
    const known = this.entries.get(key);
    return known !== undefined && !known.blocked;
  }

  /** The reference for a key; a channel without its own borrows the service URL of any known conversation. */
  reference(key: string): SavedReference | undefined {
    const known = this.entries.get(key);
    if (known) return known.blocked ? undefined : known.reference;
    if (!key.startsWith('channel:')) return undefined;
    const donor = [...this.entries.values()].find((e) => !e.blocked && e.reference.serviceUrl)?.reference;
    if (!donor) return undefined;
    const id = key.slice('channel:'.length);
    return {
      channelId: donor.channelId,
      serviceUrl: donor.serviceUrl,
      bot: donor.bot,
      conversation: { id, isGroup: true, conversationType: 'channel', tenantId: donor.conversation?.tenantId, name: '' } as SavedReference['conversation'],
    };
  }

  /** True when a channel could be reached (its own reference, or a borrowed service URL). */
  reachesChannel(channelId: string): boolean {
    return this.reference(channelKey(channelId)) !== undefined;
  }

  private entryOf(activity: Activity): { key: string; reference: SavedReference } | undefined {
    const conversation = activity.conversation;
    if (!conversation?.id || !activity.serviceUrl) return undefined;
    const base: SavedReference = {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      bot: { id: activity.recipient.id, name: activity.recipient.name ?? '' },
    };
    const tenantId = conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    if (conversation.conversationType === 'personal') {
      const aad = activity.from?.aadObjectId;
      if (!aad) return undefined;
      return {
        key: userKey(aad),
        reference: {
          ...base,
          user: { id: activity.from.id, name: '', aadObjectId: aad },
          conversation: { id: conversation.id, conversationType: 'personal', isGroup: false, tenantId, name: '' } as SavedReference['conversation'],
        },
      };
    }
    if (conversation.conversationType === 'channel') {
      const channelData = activity.channelData as { channel?: { id?: string } } | undefined;
      const id = channelData?.channel?.id ?? channelOfConversation(conversation.id);
      return {
        key: channelKey(id),
        reference: {
          ...base,
          conversation: { id, conversationType: 'channel', isGroup: true, tenantId, name: '' } as SavedReference['conversation'],
        },
      };
    }
    return undefined;
  }
}
