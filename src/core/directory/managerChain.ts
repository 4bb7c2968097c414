import type { Directory, Person } from './directory';

/** A person's managers, nearest first, and how the chain ended. */
export interface ManagerChain {
  managers: Person[];
  /** 'top': someone without a manager; 'loop': the chain came back to someone already in it; 'too_long': stopped at the limit. */
  end: 'top' | 'loop' | 'too_long';
  /** The id the chain came back to, when it ended in a loop. */
  loopsTo?: string;
}

/** Follows managerOf from `personId` to the top, stopping at a loop or after `limit` steps. */
export async function managerChain(directory: Directory, personId: string, limit = 50): Promise<ManagerChain> {
  const managers: Person[] = [];
  const seen = new Set([personId]);
  let current = personId;
  for (let step = 0; step < limit; step++) {
    const manager = await directory.managerOf(current);
    if (!manager) return { managers, end: 'top' };
    if (seen.has(manager.id)) return { managers, end: 'loop', loopsTo: manager.id };
    managers.push(manager);
    seen.add(manager.id);
    current = manager.id;
  }
  return { managers, end: 'too_long' };
}
