import type { Store } from '../../core/ports';

/** One readiness check's outcome. */
export type CheckState = 'ok' | 'failing';

export interface Readiness {
  ready: boolean;
  checks: { store: CheckState; index: CheckState; relay: CheckState; accepting: CheckState };
}

export interface ReadinessSources {
  store: Pick<Store, 'ping'>;
  /** Passages in the loaded guideline index. */
  indexPassages(): number;
  relayRunning(): boolean;
  /** False once shutdown has begun (a load balancer then stops sending requests here). */
  accepting(): boolean;
  /** A store that has not answered within this is unreachable (a dead PostgreSQL can hang a connect). */
  storeTimeoutMs: number;
}

/** Ready = the store answers, the guideline index is loaded, the relay runs and shutdown has not begun. */
export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  const state = (ok: boolean): CheckState => (ok ? 'ok' : 'failing');
  const store = await pingWithin(sources.store, sources.storeTimeoutMs);
  const checks = {
    store: state(store),
    index: state(sources.indexPassages() > 0),
    relay: state(sources.relayRunning()),
    accepting: state(sources.accepting()),
  };
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}

async function pingWithin(store: Pick<Store, 'ping'>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([store.ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
