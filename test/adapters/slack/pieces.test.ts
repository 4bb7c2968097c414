/** The Slack adapter's small pieces: pacing, error mapping, payload shapes, view state, languages, escaping. */
import { ChannelPacer } from '../../../src/adapters/slack/channelPacer';
import { notificationBlocks } from '../../../src/adapters/slack/blocks/alertBlocks';
import { readViewState } from '../../../src/adapters/slack/blocks/formState';
import { escapeMrkdwn, quoteMrkdwn, truncate } from '../../../src/adapters/slack/blocks/text';
import { textBlocks } from '../../../src/adapters/slack/blocks/textBlocks';
import { deliveryFailure } from '../../../src/adapters/slack/notifier/deliveryFailure';
import { slackDestination } from '../../../src/adapters/slack/notifier/slackNotifier';
import { metadataLang, metadataReference } from '../../../src/adapters/slack/replies/metadata';
import { chooseLang, uiLangOfLocale } from '../../../src/adapters/slack/slackUsers';
import { classifySlackBody } from '../../../src/adapters/slack/transport/payloadShape';
import { helpLanguage } from '../../../src/adapters/slack/listeners/commands/somebotCommand';
import type { OutboundMessage, Person } from '../../../src/core/ports';
import { blockText } from './slackHarness';

describe('ChannelPacer', () => {
  it('starts posts to one channel an interval after the previous one finished, in order; other channels do not wait', async () => {
    let now = 0;
    const slept: number[] = [];
    const pacer = new ChannelPacer(1000, () => now, async (ms) => {
      slept.push(ms);
      now += ms;
    });
    const order: string[] = [];
    const post = (name: string, takes = 0) => async () => {
      order.push(`${name}@${now}`);
      await Promise.resolve();
      now += takes;
    };
    await Promise.all([pacer.run('C1', post('a', 200)), pacer.run('C1', post('b')), pacer.run('C2', post('x')), pacer.run('C1', post('c'))]);
    expect(order).toEqual(['a@0', 'x@0', 'b@1200', 'c@2200']);
    expect(slept).toEqual([1000, 1000]);
  });

  it('keeps pacing after a failed post', async () => {
    let now = 0;
    const pacer = new ChannelPacer(500, () => now, async (ms) => void (now += ms));
    await expect(pacer.run('C1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const at: number[] = [];
    await pacer.run('C1', async () => void at.push(now));
    expect(at).toEqual([500]);
  });
});

describe('deliveryFailure', () => {
  it('a 429 becomes a retry no sooner than Retry-After', () => {
    const err = deliveryFailure({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
    expect(err).toEqual(expect.objectContaining({ reason: 'slack_rate_limited', retryAfterMs: 30_000, permanent: false }));
  });

  it('errors about the recipient are permanent; errors of the set-up and the network are retried', () => {
    expect(deliveryFailure({ code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } })).toEqual(expect.objectContaining({ reason: 'slack_channel_not_found', permanent: true }));
    expect(deliveryFailure({ code: 'slack_webapi_platform_error', data: { error: 'is_archived' } }).permanent).toBe(true);
    expect(deliveryFailure({ code: 'slack_webapi_platform_error', data: { error: 'invalid_auth' } })).toEqual(expect.objectContaining({ reason: 'slack_invalid_auth', permanent: false }));
    expect(deliveryFailure({ code: 'slack_webapi_http_error', statusCode: 503 })).toEqual(expect.objectContaining({ reason: 'slack_http_503', permanent: false }));
    expect(deliveryFailure({ code: 'slack_webapi_request_error' }).reason).toBe('slack_unreachable');
    expect(deliveryFailure(new Error('anything')).reason).toBe('slack_failed');
  });

  it('keeps the reason a short code even when Slack sends something odd', () => {
    expect(deliveryFailure({ code: 'slack_webapi_platform_error', data: { error: 'weird <error> with spaces and a very long tail '.repeat(5) } }).reason).toMatch(/^slack_[a-z0-9_]{1,60}$/i);
  });
});

describe('slackDestination', () => {
  const person = (slack?: string): Person => ({ id: 'p', name: 'P', roles: ['employee'], identities: slack ? { slack } : {} });
  it('reaches people with a Slack identity by DM and Slack channels by post; nothing else', () => {
    expect(slackDestination({ kind: 'person', person: person('U1') })).toEqual({ user: 'U1' });
    expect(slackDestination({ kind: 'person', person: person() })).toBeUndefined();
    expect(slackDestination({ kind: 'channel', channel: { platform: 'slack', id: 'C1' } })).toEqual({ channel: 'C1' });
    expect(slackDestination({ kind: 'channel', channel: { platform: 'teams', id: '19:x' } })).toBeUndefined();
  });
});

describe('classifySlackBody', () => {
  it('dispatches events, commands and interactions; calls anything else malformed', () => {
    expect(classifySlackBody({ type: 'event_callback', event_id: 'Ev1', event: { type: 'message' } })).toBe('dispatch');
    expect(classifySlackBody({ command: '/somebot', user_id: 'U1', team_id: 'T1', channel_id: 'C1', trigger_id: '1.2.3', text: '' })).toBe('dispatch');
    expect(classifySlackBody({ type: 'block_actions', user: { id: 'U1' }, trigger_id: '1.2.3', actions: [{ action_id: 'a' }] })).toBe('dispatch');
    expect(classifySlackBody({ type: 'view_closed', user: { id: 'U1' }, view: { id: 'V1', callback_id: 'x' } })).toBe('dispatch');
    expect(classifySlackBody({ type: 'app_rate_limited', minute_rate_limited: 1 })).toBe('rate_limited');
    for (const body of [
      null,
      'text',
      [],
      {},
      { type: 'event_callback' },
      { type: 'block_actions' },
      { type: 'block_actions', user: { id: 'U1' }, trigger_id: '1.2.3', actions: [] },
      { type: 'view_submission', user: { id: 'U1' }, trigger_id: '1.2.3' },
      { command: 'somebot', user_id: 'U1' },
      { command: '/somebot', user_id: 'U1', text: '' },
    ]) {
      expect(classifySlackBody(body)).toBe('malformed');
    }
  });
});

describe('readViewState', () => {
  it('reads selects, users, checkboxes, dates and text; empty inputs are null; odd input gives nothing', () => {
    expect(
      readViewState({
        category: { category: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Hot' }, value: 'threat' } } },
        platform: { platform: { type: 'static_select', selected_option: null } },
        managerId: { managerId: { type: 'users_select', selected_user: 'U0KARIN001' } },
        immediateDanger: { immediateDanger: { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
        subjectIsManager: { subjectIsManager: { type: 'checkboxes', selected_options: [] } },
        occurredOn: { occurredOn: { type: 'datepicker', selected_date: '2026-03-15' } },
        description: { description: { type: 'plain_text_input', value: 'Hej' } },
        evidence: { evidence: { type: 'plain_text_input', value: null } },
        other: { other: { type: 'rich_text_input', rich_text_value: {} } },
      }),
    ).toEqual({
      category: 'threat',
      platform: null,
      managerId: 'U0KARIN001',
      immediateDanger: true,
      subjectIsManager: false,
      occurredOn: '2026-03-15',
      description: 'Hej',
      evidence: null,
    });
    expect(readViewState('nonsense')).toEqual({});
    expect(readViewState({ a: 'b' })).toEqual({});
  });
});

describe('modal metadata', () => {
  it('reads only what the adapter wrote', () => {
    expect(metadataLang('{"lang":"fi"}', 'sv')).toBe('fi');
    expect(metadataLang('{"lang":"de"}', 'sv')).toBe('sv');
    expect(metadataLang('not json', 'en')).toBe('en');
    expect(metadataReference('{"lang":"sv","reference":"SOME-2026-0001"}')).toEqual({ lang: 'sv', reference: 'SOME-2026-0001' });
    expect(metadataReference('{"lang":"sv"}')).toBeUndefined();
  });
});

describe('languages', () => {
  const person = (lang?: 'sv' | 'fi' | 'en'): Person => ({ id: 'p', name: 'P', roles: ['employee'], identities: {}, ...(lang ? { lang } : {}) });
  it('maps Slack locales to UI languages', () => {
    expect(uiLangOfLocale('sv-SE')).toBe('sv');
    expect(uiLangOfLocale('fi-FI')).toBe('fi');
    expect(uiLangOfLocale('en-GB')).toBe('en');
    expect(uiLangOfLocale('de-DE')).toBeUndefined();
    expect(uiLangOfLocale(undefined)).toBeUndefined();
  });

  it('for text-free views: a Swedish or Finnish locale wins, Slack\'s default English yields to the directory', () => {
    expect(chooseLang('fi', person('sv'), 'sv')).toBe('fi');
    expect(chooseLang('en', person('fi'), 'sv')).toBe('fi');
    expect(chooseLang('en', person(), 'sv')).toBe('en');
    expect(chooseLang(undefined, person(), 'sv')).toBe('sv');
  });

  it('recognises help in each language', () => {
    expect(helpLanguage('')).toBe('any');
    expect(helpLanguage('hjälp')).toBe('sv');
    expect(helpLanguage('APUA')).toBe('fi');
    expect(helpLanguage('help')).toBe('en');
    expect(helpLanguage('hur ofta')).toBeUndefined();
  });
});

describe('rendering text a person typed', () => {
  it('escapes Slack control characters, so a report cannot mention @channel or forge a link', () => {
    expect(escapeMrkdwn('<!channel> & <https://evil.example|bank>')).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|bank&gt;');
    expect(quoteMrkdwn('a\n<b>')).toBe('> a\n> &lt;b&gt;');
  });

  it('splits long text into sections within Slack\'s 3000 characters', () => {
    const blocks = textBlocks(`${'x'.repeat(2500)}\n${'y'.repeat(2500)}\n${'z'.repeat(7000)}`) as any[];
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const b of blocks) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('an alert shows the report with its content escaped and its notification text free of content', () => {
    const message: OutboundMessage = {
      idempotencyKey: 'k',
      kind: 'report_alert',
      to: { kind: 'person', person: { id: 'karin', name: 'Karin', roles: ['manager'], identities: { slack: 'U1' } } },
      lang: 'en',
      subject: 'High – Threat: new report SOME-2026-0001',
      text: 'Anna made a report that comes to you as manager.\n\nReporter: Anna',
      report: {
        reference: 'SOME-2026-0001',
        category: 'threat',
        categoryLabel: 'Threat',
        urgency: 'high',
        status: 'submitted',
        occurredOn: '2026-03-15',
        reporterName: 'Anna',
        description: 'He wrote <!channel> I will find you',
        evidence: { links: ['https://example.org/1'], quotes: [], files: [] },
        rules: [{ id: 'K8-a', quote: 'ska omedelbart meddela sin chef', source: { docId: 'kyrkslatt', organisation: 'Kyrkslätt', document: 'Riktlinjer', section: '8' } }],
      },
      actions: [{ id: 'report.acknowledge', label: 'Acknowledge', reference: 'SOME-2026-0001' }],
    };
    const body = notificationBlocks(message);
    expect(body.text).toBe(message.subject);
    const text = blockText(body.blocks);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('ska omedelbart meddela sin chef');
    expect(text).toContain('Status: Submitted');
  });
});
