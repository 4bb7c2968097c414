import type { ReportCategory } from '../reports/categories';
import { REPORT_CATEGORIES } from '../reports/categories';
import type { ReportDraft } from '../reports/report';
import { resolveRouting, type RecipientRole } from '../reports/routing';
import type { RoutingTable } from '../reports/routingTable';
import type { Directory, Person } from './directory';
import { managerChain, type ManagerChain } from './managerChain';

/** Who would be told about one category of report, and the rules that say so. */
export interface CategoryRecipients {
  category: ReportCategory;
  /**
   * People and channels. IT security's channels are one post for the team (the first channel a running door
   * reaches gets it): one entry, with the other channels as `alternatives` and the team's people in `team`.
   */
  recipients: { name: string; id?: string; channel?: string; role: RecipientRole; alternatives?: string[]; team?: string[] }[];
  rules: { id: string; quote: string; organisation: string; document: string; section: string }[];
}

/** A person as the bot sees them: the directory entry, the manager chain, and the routing of each category. */
export interface PersonView {
  person: Person;
  chain: ManagerChain;
  categories: CategoryRecipients[];
}

/** The person behind an id, an e-mail address or a sign-in name (UPN), or undefined. */
export async function findPerson(directory: Directory, key: string): Promise<Person | undefined> {
  const wanted = key.trim();
  if (!wanted) return undefined;
  return (await directory.person(wanted)) ?? (await directory.person(wanted.toLowerCase())) ?? (await directory.findByIdentity('email', wanted)) ?? (await directory.findByIdentity('teams', wanted));
}

/**
 * Routes a report of every category from `person`, exactly as a submitted report would be routed (same
 * resolveRouting, same directory): nobody's manager named, nobody in immediate danger, the manager not the
 * subject.
 */
export async function personView(directory: Directory, table: RoutingTable, person: Person): Promise<PersonView> {
  const chain = await managerChain(directory, person.id);
  const itTeam = (await directory.itSecurity()).people.map((p) => p.name);
  const categories: CategoryRecipients[] = [];
  for (const category of REPORT_CATEGORIES) {
    const draft = { category, immediateDanger: false, subjectIsManager: false } as ReportDraft;
    const decision = await resolveRouting(draft, person.id, table, directory);
    const names = new Map<string, string>();
    for (const r of decision.recipients) if (r.kind === 'person') names.set(r.personId, (await directory.person(r.personId))?.name ?? r.personId);
    const recipients: CategoryRecipients['recipients'] = [];
    for (const r of decision.recipients) {
      if (r.kind === 'person') {
        recipients.push({ name: names.get(r.personId)!, id: r.personId, role: r.role });
        continue;
      }
      const name = r.channel.name ?? r.channel.id;
      const teamPost = r.role === 'it_security' ? recipients.find((x) => x.role === 'it_security' && x.channel) : undefined;
      if (teamPost) (teamPost.alternatives ??= []).push(name);
      else recipients.push({ name, channel: `${r.channel.platform}:${r.channel.id}`, role: r.role, ...(r.role === 'it_security' ? { team: itTeam } : {}) });
    }
    categories.push({
      category,
      recipients,
      rules: decision.rules.map((rule) => ({ id: rule.id, quote: rule.quote, organisation: rule.source.organisation, document: rule.source.document, section: rule.source.section })),
    });
  }
  return { person, chain, categories };
}
