import type { Config } from '../config';
import { CachedDirectory } from '../core/directory/cachedDirectory';
import { ConfigFileError, ConfigFileErrorCode } from '../core/directory/configFileError';
import type { Directory } from '../core/directory/directory';
import type { DirectorySource } from '../core/directory/directorySource';
import type { SourceSettings } from '../core/directory/sourceSettings';
import { StaticDirectory } from '../core/directory/staticDirectory';
import { readDirectoryFile, type DirectoryFile } from '../core/directory/yamlDirectory';
import type { Logger } from '../core/logger';
import { silentLogger } from '../core/logger';
import { GraphClient } from './graph/graphClient';
import { GraphSource } from './graph/graphSource';
import { LdapSource } from './ldap/ldapSource';

/** The directory file's content and the Directory built from it. */
export interface OpenedDirectory {
  file: DirectoryFile;
  directory: Directory;
}

/**
 * The remote source a `source:` section names, with the credentials from the environment. Throws
 * ConfigFileError when a credential is missing (named by its variable, never its value).
 */
export function createDirectorySource(settings: SourceSettings, config: Config, file: string): DirectorySource {
  if (settings.kind === 'graph') {
    const { tenantId, clientId, clientSecret, authorityHost, graphUrl } = config.directory.graph;
    if (!tenantId || !clientId || !clientSecret) {
      throw new ConfigFileError(
        ConfigFileErrorCode.Invalid,
        `${file}: source "graph" needs AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD)`,
        { file, field: 'source.kind' },
      );
    }
    return new GraphSource(new GraphClient({ tenantId, clientId, clientSecret, authorityHost, graphUrl }), settings);
  }
  const { bindDn, bindPassword } = config.directory.ldap;
  if (bindDn && !bindPassword) {
    throw new ConfigFileError(ConfigFileErrorCode.Invalid, `${file}: LDAP_BIND_DN is set but LDAP_BIND_PASSWORD is not`, { file, field: 'source.kind' });
  }
  return new LdapSource(settings, { ...(bindDn ? { bindDn } : {}), ...(bindPassword ? { bindPassword } : {}) });
}

/**
 * Reads ORG_DIRECTORY and builds the Directory: its `people:` list (StaticDirectory), or with a `source:`
 * section a CachedDirectory over Microsoft Graph or LDAP, warmed in the background (start-up never waits
 * for, nor fails on, an unreachable directory).
 */
export function openDirectory(config: Config, options: { logger?: Logger; file?: string; warm?: boolean } = {}): OpenedDirectory {
  const path = options.file ?? config.orgDirectory;
  const file = readDirectoryFile(path);
  if (!file.source) return { file, directory: new StaticDirectory(file.people, file.itSecurityChannels) };
  const directory = new CachedDirectory({
    source: createDirectorySource(file.source, config, path),
    itSecurityChannels: file.itSecurityChannels,
    ttlMs: config.directory.ttlMs,
    logger: options.logger ?? silentLogger,
  });
  if (options.warm ?? true) directory.warm();
  return { file, directory };
}
