import {
  uiLangOfTag,
  type DirectorySource,
  type GroupRole,
  type PersonKey,
  type SourcePerson,
} from '../../core/directory/directorySource';
import type { GraphSourceSettings } from '../../core/directory/sourceSettings';
import type { GraphClient } from './graphClient';

/** The user properties the bot reads (Graph returns only these with $select). */
const SELECT = 'id,displayName,jobTitle,mail,userPrincipalName,preferredLanguage';

/** A Graph user (or another directoryObject, told apart by @odata.type). */
interface GraphUser {
  '@odata.type'?: string;
  id?: string;
  displayName?: string | null;
  jobTitle?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  preferredLanguage?: string | null;
  manager?: GraphUser | null;
}

const GROUP_KEYS: Record<GroupRole, keyof Omit<GraphSourceSettings, 'kind'>> = {
  it_security: 'itSecurityGroup',
  hr: 'hrGroup',
  communications: 'communicationsGroup',
};

/** A Graph user as a SourcePerson; undefined for anything that is not a user (a contact, a device, a group). */
export function personOfGraphUser(user: GraphUser | undefined | null): SourcePerson | undefined {
  if (!user?.id) return undefined;
  if (user['@odata.type'] && user['@odata.type'] !== '#microsoft.graph.user') return undefined;
  const lang = uiLangOfTag(user.preferredLanguage ?? undefined);
  const managerId = user.manager?.id;
  return {
    id: user.id.toLowerCase(),
    name: user.displayName?.trim() || user.userPrincipalName || user.id,
    ...(user.jobTitle ? { title: user.jobTitle } : {}),
    ...(lang ? { lang } : {}),
    ...(user.mail ? { email: user.mail.toLowerCase() } : {}),
    ...(user.userPrincipalName ? { upn: user.userPrincipalName.toLowerCase() } : {}),
    entraId: user.id.toLowerCase(),
    ...(managerId ? { managerId: managerId.toLowerCase() } : {}),
  };
}

/** An OData string literal: single quotes doubled. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * People from Microsoft Graph (Entra ID) with application permissions User.Read.All and
 * GroupMember.Read.All: `users/{id}`, `users/{id}/manager` (404 = no manager), the groups'
 * `transitiveMembers` (nested groups included, users only) and the user listing with each manager's id.
 * The bot's id of a person is their Entra object id (what Teams sends as aadObjectId).
 */
export class GraphSource implements DirectorySource {
  readonly kind = 'graph';

  constructor(
    private readonly client: GraphClient,
    private readonly settings: GraphSourceSettings,
  ) {}

  async findPerson(key: PersonKey): Promise<SourcePerson | undefined> {
    const value = key.value.trim();
    if (!value) return undefined;
    if (key.by === 'email') {
      const byMail = await this.client.get<{ value?: GraphUser[] }>(`/v1.0/users?$filter=${encodeURIComponent(`mail eq ${literal(value)}`)}&$select=${SELECT}`);
      const found = personOfGraphUser(byMail?.value?.[0]);
      if (found) return found;
    }
    // users/{id | userPrincipalName}: a UPN works in place of the id.
    return personOfGraphUser(await this.client.get<GraphUser>(`/v1.0/users/${encodeURIComponent(value)}?$select=${SELECT}`));
  }

  async manager(personId: string): Promise<SourcePerson | undefined> {
    return personOfGraphUser(await this.client.get<GraphUser>(`/v1.0/users/${encodeURIComponent(personId)}/manager?$select=${SELECT}`));
  }

  async groupMembers(role: GroupRole): Promise<SourcePerson[]> {
    const groupId = this.settings[GROUP_KEYS[role]];
    if (!groupId) return [];
    const members = await this.client.getAll<GraphUser>(
      `/v1.0/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=${SELECT}&$top=999`,
    );
    return (members ?? []).flatMap((m) => personOfGraphUser({ '@odata.type': '#microsoft.graph.user', ...m }) ?? []);
  }

  async listPeople(): Promise<SourcePerson[]> {
    const users = await this.client.getAll<GraphUser>(`/v1.0/users?$select=${SELECT}&$expand=${encodeURIComponent('manager($select=id)')}&$top=999`);
    return (users ?? []).flatMap((u) => personOfGraphUser({ '@odata.type': '#microsoft.graph.user', ...u }) ?? []);
  }
}
