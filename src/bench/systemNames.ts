/** Names of the systems the benchmark compares, declared once (they label columns and JSON keys). */
export const SYSTEM = {
  somebot: 'somebot',
  lunr: 'plain lunr',
  miniSearch: 'MiniSearch',
} as const;

export type SystemName = (typeof SYSTEM)[keyof typeof SYSTEM];
