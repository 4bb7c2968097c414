import type { TFunction } from 'i18next';
import type { TimelineEntry } from './records';

/**
 * What a delivery entry of the timeline says in words: which message went to whom through which door —
 * "Ny anmälan till Karin Nyström (chef) via Slack"; a team post in the team's channel is named as the team
 * ("informationsförvaltningen (gemensam kanal) via Slack"), and one the web chat showed to each of the team's
 * people (`to=team:<role>`) says so ("informationsförvaltningen (var och en i teamet) via webbchatten").
 * Undefined for other entries. `nameOf` gives a directory person's name.
 */
export function deliveryText(entry: Pick<TimelineEntry, 'event' | 'details'>, t: TFunction, nameOf: (personId: string) => string | undefined): string | undefined {
  if (entry.event !== 'notified' && entry.event !== 'delivery_failed') return undefined;
  const { kind, role, to, door } = entry.details;
  const roleLabel = typeof role === 'string' ? t(`notifications:role.${role}`) : '';
  let recipient = typeof to === 'string' ? to : '';
  if (recipient.startsWith('person:')) {
    const id = recipient.slice('person:'.length);
    recipient = `${nameOf(id) ?? id} (${roleLabel})`;
  } else if (recipient.startsWith('channel:')) {
    recipient = `${roleLabel} (${t('notifications:teamPost')})`;
  } else if (recipient.startsWith('team:')) {
    recipient = `${roleLabel} (${t('deliveryTrail:teamShown')})`;
  }
  const vars = { kind: typeof kind === 'string' ? t(`notifications:kind.${kind}`) : '', to: recipient };
  if (entry.event === 'delivery_failed') return t('notifications:trail.failed', vars);
  return typeof door === 'string' ? t('notifications:trail.delivered', { ...vars, door: t(`notifications:door.${door}`) }) : t('notifications:trail.deliveredSomehow', vars);
}
