import { CardFactory, type Activity, type Attachment } from 'botbuilder';
import type { CardActionId } from './cardActions';

/** What a button posts back: the action id plus its arguments (parsed again by parseCardAction). */
export type CardActionPayload = { action: CardActionId } & Record<string, string | boolean | null | undefined>;

/**
 * A few typed helpers for Adaptive Cards 1.5 (the version Teams renders on desktop, web and mobile).
 * Cards are plain JSON: elements are loosely typed records, built only through these helpers.
 */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams: { width: 'Full' };
}

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export interface TextOptions {
  weight?: 'bolder';
  size?: 'small' | 'medium' | 'large';
  color?: 'attention' | 'good' | 'warning' | 'accent';
  subtle?: boolean;
  italic?: boolean;
  spacing?: 'none' | 'small' | 'medium';
}

/** One TextBlock (wrapping). */
export function textBlock(text: string, options: TextOptions = {}): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.weight ? { weight: options.weight } : {}),
    ...(options.size ? { size: options.size } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.italic ? { italic: true } : {}),
    ...(options.spacing ? { spacing: options.spacing } : {}),
  };
}

/**
 * Plain text with line breaks as TextBlocks, one per line: Teams does not render a single newline inside a
 * TextBlock, so each line is its own block and an empty line becomes extra space before the next one.
 * `block` makes each line's element (TextBlock by default).
 */
export function textLines(text: string, options: TextOptions = {}, block: (line: string, options: TextOptions) => CardElement = textBlock): CardElement[] {
  const blocks: CardElement[] = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      gap = blocks.length > 0;
      continue;
    }
    const spacing = blocks.length === 0 ? options.spacing : gap ? 'medium' : 'none';
    blocks.push(block(line, { ...options, ...(spacing ? { spacing } : {}) }));
    gap = false;
  }
  return blocks;
}

/** A group of elements with a background style. */
export function container(items: CardElement[], style?: 'emphasis' | 'attention' | 'good' | 'warning'): CardElement {
  return { type: 'Container', items, ...(style ? { style } : {}) };
}

/** A label/value list. */
export function factSet(facts: { title: string; value: string }[]): CardElement {
  return { type: 'FactSet', facts };
}

/** A button that posts `data` (plus the card's inputs) back to the bot as a message with `value`. */
export function submitAction(title: string, data: CardActionPayload, options: { validateInputs?: boolean; style?: 'positive' | 'destructive' } = {}): CardElement {
  return {
    type: 'Action.Submit',
    title,
    data,
    associatedInputs: options.validateInputs ? 'auto' : 'none',
    ...(options.style ? { style: options.style } : {}),
  };
}

/** The card as a Bot Framework attachment. */
export function cardAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** A message activity carrying one card; `summary` is what Teams shows in notifications and previews. */
export function cardMessage(card: AdaptiveCard, summary: string): Partial<Activity> {
  return { type: 'message', attachments: [cardAttachment(card)], summary };
}
