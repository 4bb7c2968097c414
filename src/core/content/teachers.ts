import type { TFunction } from 'i18next';
import type { Person } from '../ports';

/**
 * Who taught something, from the `taughtBy` a teaching is stored with: `person:<directory id>` (the CLI's --as and
 * the console), `admin:console:<directory id>` (a console administrator without the role) or `admin:<OS user>`
 * (the CLI's --admin). Anything else is kept as it is.
 */
export type Teacher =
  | { kind: 'person'; id: string }
  | { kind: 'consoleAdmin'; id: string }
  | { kind: 'admin'; user: string }
  | { kind: 'other'; text: string };

export function teacherOf(taughtBy: string): Teacher {
  if (taughtBy.startsWith('person:')) return { kind: 'person', id: taughtBy.slice('person:'.length) };
  if (taughtBy.startsWith('admin:console:')) return { kind: 'consoleAdmin', id: taughtBy.slice('admin:console:'.length) };
  if (taughtBy.startsWith('admin:')) return { kind: 'admin', user: taughtBy.slice('admin:'.length) };
  return { kind: 'other', text: taughtBy };
}

/**
 * The names of whoever taught the given teachings, as people read them (`content:teacher.*`): a person by the
 * directory's name; someone no longer in the directory by the plain id (what an administrator can look up);
 * administrators marked as such. Never the raw `person:` prefix. Each person is looked up once.
 */
export async function teacherNames(
  taughtBys: Iterable<string>,
  person: (id: string) => Promise<Pick<Person, 'name'> | undefined>,
  t: TFunction,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const taughtBy of new Set(taughtBys)) {
    const teacher = teacherOf(taughtBy);
    if (teacher.kind === 'other') names.set(taughtBy, teacher.text);
    else if (teacher.kind === 'admin') names.set(taughtBy, t('content:teacher.admin', { name: teacher.user }));
    else {
      const name = (await person(teacher.id))?.name ?? teacher.id;
      names.set(taughtBy, teacher.kind === 'person' ? name : t('content:teacher.admin', { name }));
    }
  }
  return names;
}
