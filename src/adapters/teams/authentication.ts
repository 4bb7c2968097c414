import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from '../../core/logger';
import { errorFields } from '../../core/logger';
import type { TeamsMode } from './teamsMode';

/** Longest a token check may take (it may fetch Microsoft's signing keys); beyond it the request is refused. */
export const DEFAULT_AUTH_TIMEOUT_MS = 10_000;

/**
 * The Bot Framework authentication of the endpoint: botbuilder's ConfigurationBotFrameworkAuthentication,
 * made to fail closed. botbuilder answers 401 only for its own AuthenticationError; any other failure while
 * checking a token (Microsoft's OpenID endpoints unreachable, a token whose signature does not verify)
 * surfaces as 500. Here every failure, and a check slower than `timeoutMs`, is a 401: no request is ever handled
 * without a verified token when an app id is configured.
 */
export class FailClosedAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly options: { timeoutMs: number; logger: Logger },
  ) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.closed(() => this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.closed(() => this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.closed(() => this.inner.authenticateChannelRequest(authHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private async closed<T>(check: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AuthenticationError('token check timed out', StatusCodes.UNAUTHORIZED)), this.options.timeoutMs);
    });
    try {
      return await Promise.race([check(), timeout]);
    } catch (err) {
      this.options.logger.warn('teams_request_unauthenticated', errorFields(err));
      if (err instanceof AuthenticationError && err.statusCode === StatusCodes.UNAUTHORIZED) throw err;
      throw new AuthenticationError('Unauthorized', StatusCodes.UNAUTHORIZED);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The public-cloud settings with another OpenID metadata document for channel tokens. botbuilder takes
 * either none of these settings (its built-in public cloud) or all of them, so all are given.
 */
function publicCloudWithMetadata(openIdMetadataUrl: string): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Authentication for a mode, for Microsoft's public cloud. `openIdMetadataUrl` replaces where the keys of
 * channel tokens are published: tests point it at a local key server; production leaves it alone.
 */
export function createAuthentication(
  mode: Exclude<TeamsMode, { kind: 'off' }>,
  appPassword: string | undefined,
  options: { logger: Logger; timeoutMs?: number; openIdMetadataUrl?: string },
): FailClosedAuthentication {
  const settings: Partial<ConfigurationBotFrameworkAuthenticationOptions> & Record<string, string> =
    mode.kind === 'authenticated'
      ? {
          MicrosoftAppId: mode.appId,
          MicrosoftAppPassword: appPassword ?? '',
          MicrosoftAppType: mode.appType,
          MicrosoftAppTenantId: mode.tenantId ?? '',
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '' };
  const endpoints = options.openIdMetadataUrl ? publicCloudWithMetadata(options.openIdMetadataUrl) : {};
  const inner = new ConfigurationBotFrameworkAuthentication({ ...settings, ...endpoints } as ConfigurationBotFrameworkAuthenticationOptions);
  return new FailClosedAuthentication(inner, { timeoutMs: options.timeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS, logger: options.logger });
}
