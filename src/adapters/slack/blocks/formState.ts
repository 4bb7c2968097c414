import { z } from 'zod';

/**
 * Reads a submitted modal's `view.state.values` into plain values by block id: a select gives its value
 * (users_select: the Slack user id), a checkbox true/false, a date YYYY-MM-DD, a text input its text; an
 * input left empty gives null. Unknown element types are skipped. Never throws on odd input.
 */
export function readViewState(values: unknown): Record<string, string | boolean | null> {
  const out: Record<string, string | boolean | null> = {};
  const parsed = z.record(z.string(), z.record(z.string(), z.looseObject({ type: z.string() }))).safeParse(values);
  if (!parsed.success) return out;
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    for (const state of Object.values(actions)) {
      const value = elementValue(state);
      if (value !== undefined) out[blockId] = value;
    }
  }
  return out;
}

const option = z.object({ value: z.string() }).nullish();

function elementValue(state: { type: string } & Record<string, unknown>): string | boolean | null | undefined {
  switch (state.type) {
    case 'static_select':
    case 'radio_buttons':
      return option.safeParse(state.selected_option).data?.value ?? null;
    case 'users_select':
      return typeof state.selected_user === 'string' ? state.selected_user : null;
    case 'checkboxes':
      return Array.isArray(state.selected_options) && state.selected_options.length > 0;
    case 'datepicker':
      return typeof state.selected_date === 'string' ? state.selected_date : null;
    case 'plain_text_input':
      return typeof state.value === 'string' ? state.value : null;
    default:
      return undefined;
  }
}
