import type { TurnContext } from 'botbuilder';
import type { CardActionId, CardActionOf } from '../cards/cardActions';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';

/** Handles one kind of card action. One handler per file, registered in handlers/index.ts. */
export interface CardHandler<A extends CardActionId = CardActionId> {
  action: A;
  handle(context: TurnContext, facts: TurnFacts, data: CardActionOf<A>, deps: TeamsTurnDeps): Promise<void>;
}
