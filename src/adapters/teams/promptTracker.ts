/**
 * The latest question card of each personal conversation. A button on an older card (the person typed the
 * answer instead, or scrolled up) must not answer the current question: "yes" means something else at
 * every step. Kept in memory: after a restart any card is accepted once more, and the core still rejects a
 * choice the current question does not offer.
 */
export class PromptTracker {
  private readonly latest = new Map<string, string>();

  /** Remembers the card that asks the current question, or forgets it (`undefined`: no question open). */
  set(conversationId: string, activityId: string | undefined): void {
    if (activityId) this.latest.set(conversationId, activityId);
    else this.latest.delete(conversationId);
  }

  /** True when `cardId` is a card of this conversation other than the one asking now. */
  isStale(conversationId: string, cardId: string | undefined): boolean {
    const current = this.latest.get(conversationId);
    return current !== undefined && cardId !== undefined && cardId !== current;
  }
}
