import type { TFunction } from 'i18next';
import type { Directory } from '../../../core/ports';
import { FORM_FIELD, type DialogContext } from '../../../core/reports/dialog';

/**
 * Turns the modal's values into the form values the core validates. Only the manager needs translating: the
 * users_select gives a Slack user, the core wants a directory id. When the directory already names the
 * reporter's manager, the core routes to that manager whatever the form says, so picking someone else is
 * refused here with a sentence that says so (rather than silently ignored); a Slack user missing from the
 * directory is refused too. Errors are by block id, translated.
 */
export async function toFormValues(
  raw: Record<string, string | boolean | null>,
  ctx: DialogContext,
  directory: Directory,
  t: TFunction,
): Promise<{ values: Record<string, unknown>; errors: Record<string, string> }> {
  const { [FORM_FIELD.managerId]: selected, ...values } = raw;
  const errors: Record<string, string> = {};
  if (ctx.manager) {
    const listed = ctx.manager.identities.slack;
    if (typeof selected === 'string' && listed && selected !== listed) {
      errors[FORM_FIELD.managerId] = t('slack:form.managerIsFromDirectory', { name: ctx.manager.name });
    }
    return { values, errors };
  }
  if (typeof selected === 'string') {
    const person = await directory.findByIdentity('slack', selected);
    if (person) return { values: { ...values, [FORM_FIELD.managerId]: person.id }, errors };
    errors[FORM_FIELD.managerId] = t('slack:form.personNotInDirectory');
  }
  return { values, errors };
}
