import { textBlock, type AdaptiveCard, type CardElement } from './adaptiveCard';

/**
 * Teams refuses a message over about 28 KB (the activity as sent, card and envelope together); such an alert
 * would be retried and dead-lettered and the recipient would never see it. The card itself is kept under
 * this budget, leaving room for the envelope (ids, service URL, summary).
 */
export const TEAMS_CARD_BUDGET_BYTES = 24 * 1024;

/** Lines are never cut shorter than this (unless they must go entirely). */
const MIN_LINE = 160;

export const cardBytes = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/**
 * The card as it fits the budget: when too big, the longest text lines of the body (RichTextBlock runs and
 * TextBlocks, never inputs or actions) are cut with "…", longest first, and if that is not enough the last
 * lines go; `note` (e.g. "Shortened: the whole report is in its details") is added at the end of the body.
 * A card that fits is returned unchanged.
 */
export function fitCard(card: AdaptiveCard, note: string, budget: number = TEAMS_CARD_BUDGET_BYTES): AdaptiveCard {
  if (cardBytes(card) <= budget) return card;
  const body: CardElement[] = structuredClone(card.body);
  const removed = new WeakSet<CardElement>();
  const texts = textSlots(body, removed);
  const current = () => [...without(body, removed), noteBlock(note)];
  const fits = () => cardBytes({ ...card, body: current() }) <= budget;
  // Halve the longest line until the card fits or every line is short.
  for (;;) {
    if (fits()) return { ...card, body: current() };
    const longest = texts.reduce<TextSlot | undefined>((best, slot) => (slot.get().length > (best?.get().length ?? MIN_LINE) ? slot : best), undefined);
    if (!longest) break;
    const text = longest.get();
    longest.set(`${text.slice(0, Math.max(MIN_LINE, Math.floor(text.length / 2))).trimEnd()}…`);
  }
  // Still too big (very many lines): drop text lines from the end.
  for (let i = texts.length - 1; i >= 0 && !fits(); i--) texts[i]!.remove();
  return { ...card, body: current() };
}

interface TextSlot {
  get(): string;
  set(text: string): void;
  remove(): void;
}

/** Every text line of the body, in order, including those inside containers; remove() marks its element. */
function textSlots(elements: CardElement[], removed: WeakSet<CardElement>): TextSlot[] {
  const remove = (element: CardElement) => removed.add(element);
  const slots: TextSlot[] = [];
  for (const element of elements) {
    if (element.type === 'TextBlock' && typeof element.text === 'string') {
      slots.push({ get: () => element.text as string, set: (text) => (element.text = text), remove: () => remove(element) });
    } else if (element.type === 'RichTextBlock' && Array.isArray(element.inlines)) {
      for (const run of element.inlines as CardElement[]) {
        if (typeof run.text === 'string') slots.push({ get: () => run.text as string, set: (text) => (run.text = text), remove: () => remove(element) });
      }
    } else if (Array.isArray(element.items)) {
      slots.push(...textSlots(element.items as CardElement[], removed));
    }
  }
  return slots;
}

/** The elements without the removed ones, at every depth (containers keep their other items). */
function without(elements: CardElement[], removed: WeakSet<CardElement>): CardElement[] {
  return elements
    .filter((e) => !removed.has(e))
    .map((e) => (Array.isArray(e.items) ? { ...e, items: without(e.items as CardElement[], removed) } : e));
}

function noteBlock(note: string): CardElement {
  return textBlock(note, { italic: true, subtle: true, spacing: 'medium' });
}
