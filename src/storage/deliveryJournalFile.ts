import fs from 'node:fs/promises';
import path from 'node:path';
import type { DeliveryJournal, JournaledDelivery } from '../core/ports';

/** The journal's file name in the data directory. */
export const DELIVERY_JOURNAL_FILE = 'delivery-journal.jsonl';

/**
 * The delivery journal as an append-only JSON-lines file. `append` writes one line and fsyncs it. `replay`
 * first renames the file to a name of its own (atomic; appends meanwhile start a new file, and of several
 * processes sharing the directory only one takes it), settles each line, writes back the lines that could
 * not be settled, and picks up files a crashed replay left behind. Lines hold ids and codes only, never
 * message text. A torn last line (power cut mid-write) is skipped.
 */
export class FileDeliveryJournal implements DeliveryJournal {
  constructor(private readonly file: string) {}

  async append(entry: JournaledDelivery): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const handle = await fs.open(this.file, 'a', 0o600);
    try {
      await handle.appendFile(`${JSON.stringify(entry)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async replay(settle: (entry: JournaledDelivery) => Promise<void>): Promise<number> {
    const taken = `${this.file}.${process.pid}.${Date.now()}.replaying`;
    try {
      await fs.rename(this.file, taken);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const dir = path.dirname(this.file);
    const prefix = `${path.basename(this.file)}.`;
    const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.startsWith(prefix) && f.endsWith('.replaying'));
    let settled = 0;
    for (const name of files) {
      const file = path.join(dir, name);
      const kept: JournaledDelivery[] = [];
      for (const entry of parseLines(await fs.readFile(file, 'utf8').catch(() => ''))) {
        try {
          await settle(entry);
          settled++;
        } catch {
          kept.push(entry);
        }
      }
      for (const entry of kept) await this.append(entry);
      await fs.rm(file, { force: true });
    }
    return settled;
  }
}

function parseLines(text: string): JournaledDelivery[] {
  const out: JournaledDelivery[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as JournaledDelivery;
      if (typeof entry.outboxId === 'number' && typeof entry.idempotencyKey === 'string') out.push(entry);
    } catch {
      // a line cut short by a crash mid-write
    }
  }
  return out;
}
