import type { CloudAdapter, ConversationParameters } from 'botbuilder';
import type { Logger } from '../../../core/ports';
import { isDirectorySourceError } from '../../../core/directory/directorySource';
import type { GraphClient } from '../../../directory/graph/graphClient';
import type { ConversationBook, SavedReference } from '../conversationBook';
import { userKey } from '../conversationKeys';

/** Installs the bot's Teams app for a user through Microsoft Graph (TeamsAppInstallation.ReadWriteForUser.All). */
export interface AppInstaller {
  /** Installs the app for the user; resolves when it is installed or was already; never throws. */
  install(aadObjectId: string): Promise<void>;
}

/**
 * Installs the app with `POST /users/{id}/teamwork/installedApps` (409 = already installed). A refusal
 * (403: the permission is not granted) or any failure is logged and ignored: the conversation is still
 * tried, and works when an administrator installed the app for everyone (a Teams app setup policy).
 */
export class GraphAppInstaller implements AppInstaller {
  constructor(
    private readonly graph: GraphClient,
    /** The app's id in the organisation's Teams app catalog (not the manifest id). */
    private readonly catalogAppId: string,
    private readonly logger: Logger,
  ) {}

  async install(aadObjectId: string): Promise<void> {
    try {
      const status = await this.graph.post(`/v1.0/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`, {
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${this.catalogAppId}`,
      });
      this.logger.info('teams_app_install', { status });
    } catch (err) {
      this.logger.warn('teams_app_install_failed', isDirectorySourceError(err) ? { code: err.code, status: err.status } : { code: 'error' });
    }
  }
}

/**
 * Opens the 1:1 conversation with a Teams user who never wrote to the bot, from their Entra object id and
 * the tenant (`createConversationAsync` with the bot's app id), after installing the app for them when an
 * installer is configured. The reference is kept in the ConversationBook. Connector failures (403: the app
 * is not installed for the user or they blocked it) are thrown as they come, for connectorFailure().
 */
export class ConversationCreator {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      book: ConversationBook;
      /** The bot's Microsoft App ID ('' when authentication is off). */
      botAppId: string;
      /** MICROSOFT_APP_TENANT_ID, when set. */
      tenantId?: string;
      installer?: AppInstaller;
    },
  ) {}

  /** True when a conversation could be created (the bot knows a service URL and tenant). */
  available(): boolean {
    return this.deps.book.creationTarget(this.deps.tenantId) !== undefined;
  }

  /** Creates (or re-creates) the personal conversation with the user and returns its reference. */
  async create(aadObjectId: string): Promise<SavedReference> {
    const target = this.deps.book.creationTarget(this.deps.tenantId);
    if (!target) throw Object.assign(new Error('no Teams service URL known yet'), { statusCode: 404 });
    await this.deps.installer?.install(aadObjectId);
    const parameters = {
      isGroup: false,
      bot: { id: target.bot.id, name: target.bot.name ?? '' },
      members: [{ id: aadObjectId, name: '' }],
      tenantId: target.tenantId,
      channelData: { tenant: { id: target.tenantId } },
    } as ConversationParameters;
    let conversationId: string | undefined;
    await this.deps.adapter.createConversationAsync(this.deps.botAppId, target.channelId, target.serviceUrl, null as unknown as string, parameters, async (context) => {
      conversationId = context.activity.conversation?.id;
    });
    if (!conversationId) throw new Error('Teams created no conversation id');
    const reference: SavedReference = {
      channelId: target.channelId,
      serviceUrl: target.serviceUrl,
      bot: target.bot,
      user: { id: aadObjectId, name: '', aadObjectId },
      conversation: { id: conversationId, conversationType: 'personal', isGroup: false, tenantId: target.tenantId, name: '' } as SavedReference['conversation'],
    };
    await this.deps.book.saveCreated(userKey(aadObjectId), reference);
    return reference;
  }
}
