/**
 * A PostgreSQL server of the test's own, which it may stop and start at will (never the shared one): Debian's
 * binaries (/usr/lib/postgresql/<newest>/bin), `initdb` into a temporary directory, listening on a free
 * loopback port with trust authentication. Run as the `postgres` user when the test runs as root (PostgreSQL
 * refuses root), as the current user otherwise. `available()` says whether the binaries are installed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string | undefined {
  if (!fs.existsSync(PG_ROOT)) return undefined;
  const versions = fs
    .readdirSync(PG_ROOT)
    .filter((v) => fs.existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(PG_ROOT, newest, 'bin') : undefined;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static available(): boolean {
    return binDir() !== undefined;
  }

  /** Creates and starts a new cluster. */
  static async start(options: { port?: number } = {}): Promise<PrivatePostgres> {
    const bin = binDir();
    if (!bin) throw new Error(`no PostgreSQL under ${PG_ROOT} (apt-get install postgresql)`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-pg-'));
    const pg = new PrivatePostgres(dir, options.port ?? (await freePort()), bin);
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const uid = Number(stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      fs.chownSync(dir, uid, gid);
    }
    await pg.as(path.join(bin, 'initdb'), ['-D', pg.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // A COMMIT the server acknowledged must survive `stop('immediate')` (a crash of the server, not of the
    // machine), as on Debian's cluster: synchronous_commit stays on, so the WAL is written out (to the OS, which
    // outlives the server) before the COMMIT is answered. With it off, the commits of the last ~200 ms before
    // a crash are lost on recovery: claimed leases, recorded delivery attempts and whole reports whose receipt
    // was already shown came back as never written. fsync = off only risks a crash of the machine.
    fs.appendFileSync(
      path.join(pg.dataDir, 'postgresql.conf'),
      [`port = ${pg.port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, 'fsync = off', 'synchronous_commit = on', 'full_page_writes = off', 'max_connections = 200', 'shared_buffers = 32MB', ''].join('\n'),
    );
    await pg.resume();
    return pg;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the stopped server and waits until it accepts connections. */
  async resume(): Promise<void> {
    await this.as(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /**
   * Stops the server. `fast` (what `pg_ctlcluster stop` does): every session is ended with 57P01 and the server
   * shuts down cleanly; `immediate`: the server quits at once as on a crash (recovery on the next start).
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.as(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  async restart(downMs = 0, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.stop(mode);
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.resume();
  }

  async createDatabase(name: string): Promise<void> {
    await this.as(path.join(this.bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name]);
  }

  /** Stops the server (if running) and removes its files. */
  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async as(command: string, args: string[]): Promise<void> {
    if (process.getuid?.() === 0) {
      fs.mkdirSync(this.dataDir, { recursive: true });
      await run('chown', ['postgres:postgres', this.dataDir]);
      await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: this.dir });
    } else {
      await run(command, args, { cwd: this.dir });
    }
  }
}
