import { escapeHtml, html, paragraphs, raw } from '../../../src/adapters/web/render/html';
import { dialogHtml } from '../../../src/adapters/web/render/dialogHtml';
import { messageHtml, messageKey } from '../../../src/adapters/web/render/messageHtml';
import { isLoopbackHost, webConsoleMode } from '../../../src/adapters/web/loopback';
import { isConfigError, loadConfig } from '../../../src/config';
import type { OutboundMessage } from '../../../src/core/ports';

describe('html', () => {
  it('escapes every interpolated value, keeps Html and joins arrays', () => {
    const evil = `<script>alert("x")</script>&'`;
    expect(escapeHtml(evil)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(`<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`);
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(html`${raw('<br>')}${undefined}${false}${0}`.value).toBe('<br>0');
  });

  it('turns blank-line separated text into paragraphs', () => {
    expect(paragraphs('one\nline\n\n\ntwo <b>').value).toBe('<p>one\nline</p><p>two &lt;b&gt;</p>');
  });
});

describe('dialogHtml', () => {
  it('renders choices as buttons and makes the emergency message an alert', () => {
    const prompt = dialogHtml({ kind: 'prompt', text: 'Är någon i fara?', choices: [{ id: 'yes', label: 'Ja' }, { id: 'no', label: 'Nej' }] }, 'sv').value;
    expect(prompt).toContain('<button type="button" data-choice="yes">Ja</button>');
    expect(prompt).toContain('role="group" aria-label="Svarsalternativ"');
    expect(prompt).toContain('lang="sv"');
    expect(dialogHtml({ kind: 'emergency', text: 'Ring 112' }, 'fi').value).toContain('role="alert"');
  });
});

describe('messageHtml', () => {
  const message = (to: OutboundMessage['to'], key: string): OutboundMessage => ({
    idempotencyKey: key,
    kind: 'report_alert',
    to,
    lang: 'fi',
    subject: 'Uusi ilmoitus <SOME-2026-0001>',
    text: 'Rivi yksi\n\nRivi kaksi',
    actions: [{ id: 'report.acknowledge', label: 'Kuittaa', reference: 'SOME-2026-0001' }],
    report: { reference: 'SOME-2026-0001', category: 'phishing', categoryLabel: 'x', urgency: 'high', status: 'submitted', occurredOn: '2026-03-01', rules: [] },
  });
  const person = { kind: 'person' as const, person: { id: 'timo', name: 'Timo', roles: ['it_security' as const], identities: {} } };

  it('shows the subject as a heading, the text as paragraphs, the actions as buttons, all escaped', () => {
    const out = messageHtml(message(person, 'k1'), new Date('2026-03-01T10:00:00Z'), 'Europe/Helsinki').value;
    expect(out).toMatch(/<h3 id="msg-[0-9a-f]{12}">Uusi ilmoitus &lt;SOME-2026-0001&gt;<\/h3>/);
    expect(out).toContain('<p>Rivi yksi</p><p>Rivi kaksi</p>');
    expect(out).toContain('data-action="report.acknowledge" data-reference="SOME-2026-0001"');
    expect(out).toContain('lang="fi"');
  });

  it('gives the copies of one channel message (Slack, Teams, e-mail channel) one key', () => {
    const slack = message({ kind: 'channel', channel: { platform: 'slack', id: 'C1', name: '#it' } }, 'k-slack');
    const teams = message({ kind: 'channel', channel: { platform: 'teams', id: 'T1' } }, 'k-teams');
    expect(messageKey(slack)).toBe(messageKey(teams));
    expect(messageKey(message(person, 'a'))).not.toBe(messageKey(message(person, 'b')));
    // Named as the team's post, not by the channel of the door it was meant for.
    expect(messageHtml(slack, new Date(), 'Europe/Helsinki').value).toContain('tietohallinnon yhteiselle kanavalle');
  });
});

describe('the web chat runs on loopback only', () => {
  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'bot.example.org', '128.0.0.1']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('runs the demo by default only with nothing else configured on a loopback HOST; sign-in wins; off when switched off', () => {
    const mode = (env: Record<string, string>) => webConsoleMode(loadConfig(env));
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    const teams = { MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p' };
    const oidc = { SOMEBOT_OIDC_ISSUER: 'https://login.example/v2.0', SOMEBOT_OIDC_CLIENT_ID: 'c', SOMEBOT_OIDC_CLIENT_SECRET: 's', SOMEBOT_PUBLIC_URL: 'https://bot.example' };
    expect(mode({})).toEqual({ on: true, kind: 'demo', network: 'loopback' });
    expect(mode({ SOMEBOT_DEV: '1' })).toEqual({ on: true, kind: 'demo', network: 'loopback' });
    expect(mode({ HOST: '0.0.0.0' })).toEqual({ on: false, reason: 'not_loopback' });
    expect(mode(slack)).toEqual({ on: false, reason: 'other_channels' });
    expect(mode(teams)).toEqual({ on: false, reason: 'other_channels' });
    // Asked for: `demo`, or `auto` as before.
    expect(mode({ ...teams, SOMEBOT_WEB_CHAT: 'demo' })).toEqual({ on: true, kind: 'demo', network: 'loopback' });
    expect(mode({ ...slack, SOMEBOT_WEB_CHAT: 'auto' })).toEqual({ on: true, kind: 'demo', network: 'loopback' });
    expect(mode({ HOST: '0.0.0.0', SOMEBOT_WEB_CHAT: 'demo' })).toEqual({ on: false, reason: 'not_loopback' });
    expect(mode({ HOST: '0.0.0.0', SOMEBOT_WEB_CHAT: 'any-host' })).toEqual({ on: true, kind: 'demo', network: 'any' });
    expect(mode({ SOMEBOT_WEB_CHAT: 'off' })).toEqual({ on: false, reason: 'disabled' });
    expect(mode({ ...oidc, ...teams, HOST: '0.0.0.0' })).toEqual({ on: true, kind: 'signin' });
    expect(mode({ ...oidc, SOMEBOT_WEB_CHAT: 'off' })).toEqual({ on: false, reason: 'disabled' });
  });

  it('refuses a partial sign-in configuration and the demo beside sign-in, naming the variable', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        if (isConfigError(err)) return err.variable;
        throw err;
      }
      return undefined;
    };
    expect(refusal({ SOMEBOT_OIDC_ISSUER: 'https://login.example/v2.0', SOMEBOT_OIDC_CLIENT_ID: 'c' })).toBe('SOMEBOT_OIDC_CLIENT_SECRET');
    expect(refusal({ SOMEBOT_PUBLIC_URL: 'https://bot.example' })).toBe('SOMEBOT_OIDC_ISSUER');
    expect(refusal({ SOMEBOT_OIDC_ISSUER: 'https://l.example', SOMEBOT_OIDC_CLIENT_ID: 'c', SOMEBOT_OIDC_CLIENT_SECRET: 's', SOMEBOT_PUBLIC_URL: 'https://b.example', SOMEBOT_WEB_CHAT: 'demo' })).toBe('SOMEBOT_WEB_CHAT');
    expect(refusal({ SOMEBOT_DEMO_TOKEN: 'short' })).toBe('SOMEBOT_DEMO_TOKEN');
  });
});
