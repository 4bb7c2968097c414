/**
 * A real OpenLDAP server (Debian's slapd) for tests: a temp directory with a slapd.conf (core, cosine,
 * inetorgperson schemas, an mdb database), the organisation loaded with slapadd before start, listening on
 * free loopback ports for ldap:// (StartTLS offered) and ldaps:// with a self-signed certificate.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { selfSignedCertificate } from './fakeGraph';

export const SLAPD_BIN = ['/usr/sbin/slapd', '/usr/local/sbin/slapd'].find((p) => fs.existsSync(p));
export const BASE_DN = 'dc=kyrkslatt,dc=example';
export const ADMIN_DN = `cn=admin,${BASE_DN}`;
export const ADMIN_PASSWORD = 'slapd-test-secret';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`slapd did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface RunningSlapd {
  url: string;
  ldapsUrl: string;
  /** The CA (the self-signed certificate itself) for TLS clients. */
  ca: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Starts slapd with `ldif` (entries under BASE_DN, the base entry included) loaded. */
export async function startSlapd(ldif: string): Promise<RunningSlapd> {
  if (!SLAPD_BIN) throw new Error('slapd is not installed (apt-get install slapd ldap-utils)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-slapd-'));
  const dbDir = path.join(dir, 'db');
  fs.mkdirSync(dbDir);
  const cert = selfSignedCertificate();
  const conf = path.join(dir, 'slapd.conf');
  fs.writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${path.join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `TLSCertificateFile ${cert.certFile}`,
      `TLSCertificateKeyFile ${path.join(cert.dir, 'key.pem')}`,
      'database mdb',
      'maxsize 10485760',
      `suffix "${BASE_DN}"`,
      `rootdn "${ADMIN_DN}"`,
      `rootpw ${ADMIN_PASSWORD}`,
      `directory ${dbDir}`,
      'access to * by dn.exact="' + ADMIN_DN + '" read by anonymous auth by * none',
      '',
    ].join('\n'),
  );
  const ldifFile = path.join(dir, 'org.ldif');
  fs.writeFileSync(ldifFile, ldif);
  execFileSync(SLAPD_BIN.replace(/slapd$/, 'slapadd'), ['-f', conf, '-l', ldifFile], { stdio: 'pipe' });

  const port = await freePort();
  const tlsPort = await freePort();
  let child: ChildProcess | undefined;
  const running: RunningSlapd = {
    url: `ldap://127.0.0.1:${port}`,
    ldapsUrl: `ldaps://127.0.0.1:${tlsPort}`,
    ca: cert.cert,
    async start() {
      child = spawn(SLAPD_BIN, ['-f', conf, '-h', `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${tlsPort}/`, '-d', '0'], { stdio: 'ignore' });
      await waitForPort(port, 10_000);
      await waitForPort(tlsPort, 10_000);
    },
    async stop() {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    },
  };
  await running.start();
  const stop = running.stop;
  running.stop = async () => {
    await stop();
  };
  process.once('exit', () => {
    void running.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cert.dir, { recursive: true, force: true });
  });
  return running;
}
