import type { Activity } from 'botbuilder';
import type { UiLang } from '../../../core/language/lang';
import { buildDialogContext, describeReportForm, reportFormTexts, todayIn, type DialogContext } from '../../../core/reports/dialog';
import type { ReportCategory } from '../../../core/reports/categories';
import type { Person } from '../../../core/ports';
import { reportFormCard, type SubmittedValues } from '../cards/reportFormCard';
import type { TeamsTurnDeps } from '../turnDeps';

/** The dialog context for a reporter, or undefined when the directory cannot place them. */
export async function reporterContext(person: Person, lang: UiLang, deps: TeamsTurnDeps): Promise<DialogContext | undefined> {
  const { bot } = deps;
  try {
    return await buildDialogContext({
      lang,
      reporterId: person.id,
      directory: bot.reporting.directory,
      table: bot.reporting.routingTable,
      today: todayIn(bot.config.timeZone, bot.clock.now()),
    });
  } catch {
    return undefined;
  }
}

/** The report form card for this reporter, as the core describes it. */
export function formCardFor(ctx: DialogContext, options: { category?: ReportCategory; values?: SubmittedValues; errors?: { field: string; message: string }[] } = {}): Partial<Activity> {
  const fields = describeReportForm(ctx, options.category);
  return reportFormCard(fields, ctx.lang, reportFormTexts(ctx.lang), {
    ...(options.values ? { values: options.values } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  });
}
