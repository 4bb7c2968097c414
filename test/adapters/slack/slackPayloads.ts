/**
 * Request bodies as Slack sends them to the events URL, built after the payloads documented at
 * https://docs.slack.dev (Events API envelope, message.im, app_mention, app_home_opened; slash command;
 * block_actions; view_submission; message shortcut), and signed the way Slack signs them (v0 HMAC-SHA256
 * of "v0:<timestamp>:<body>" with the signing secret).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { FAKE_BOT } from './fakeSlackApi';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

const TEAM = { id: FAKE_BOT.teamId, domain: 'kyrkslatt' };

export type Encoded = { body: string; contentType: 'application/json' | 'application/x-www-form-urlencoded' };

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to the events URL with Slack's headers; `timestamp`/`secret` override for negative tests. */
export async function postToSlackUrl(
  url: string,
  encoded: Encoded,
  options: { secret?: string; timestamp?: number; signature?: string; retryNum?: number } = {},
): Promise<{ status: number; text: string; json(): any }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': encoded.contentType,
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': options.signature ?? signature(options.secret ?? SIGNING_SECRET, timestamp, encoded.body),
  };
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body: encoded.body });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

// -- Events API

let eventCounter = 0;
export function newEventId(): string {
  eventCounter++;
  return `Ev0${Date.now().toString(36).toUpperCase()}${String(eventCounter).padStart(4, '0')}`;
}

let triggerCounter = 0;
/** A trigger_id as Slack makes them: unique per user action (the bot deduplicates requests by it). */
export function newTriggerId(kind: string): string {
  triggerCounter++;
  return `${Date.now()}${String(triggerCounter).padStart(4, '0')}.${TEAM.id}.${kind}`;
}

let tsCounter = 0;
export function newTs(): string {
  tsCounter++;
  return `${Math.floor(Date.now() / 1000)}.${String(100000 + tsCounter)}`;
}

/** The Events API envelope (type event_callback) around one event. */
export function eventCallback(event: Record<string, unknown>, eventId: string = newEventId()): Encoded {
  return {
    contentType: 'application/json',
    body: JSON.stringify({
      token: 'XXYYZZ',
      team_id: TEAM.id,
      api_app_id: FAKE_BOT.appId,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: FAKE_BOT.userId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-${randomUUID()}`,
    }),
  };
}

/** message.im: a person writes to the bot in their DM with it. */
export function imMessage(user: string, text: string, options: { ts?: string; threadTs?: string } = {}): Record<string, unknown> {
  const ts = options.ts ?? newTs();
  return {
    client_msg_id: randomUUID(),
    type: 'message',
    text,
    user,
    ts,
    team: TEAM.id,
    blocks: [],
    channel: `D${user.slice(1)}`,
    event_ts: ts,
    channel_type: 'im',
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

/** app_mention: "@somebot …" in a channel. */
export function appMention(user: string, channel: string, text: string, ts: string = newTs()): Record<string, unknown> {
  return { client_msg_id: randomUUID(), type: 'app_mention', text: `<@${FAKE_BOT.userId}> ${text}`, user, ts, team: TEAM.id, channel, event_ts: ts };
}

/** app_home_opened on the Home tab. */
export function appHomeOpened(user: string): Record<string, unknown> {
  return { type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: newTs() };
}

/** A message posted by the bot itself (Slack echoes it as message.im). */
export function botMessage(channel: string, text: string): Record<string, unknown> {
  const ts = newTs();
  return { type: 'message', subtype: 'bot_message', text, bot_id: FAKE_BOT.botId, ts, channel, event_ts: ts, channel_type: 'im' };
}

// -- Slash command (form-encoded)

export function slashCommand(user: string, text: string, responseUrl: string, channel = 'C0GENERAL01'): Encoded {
  const fields = {
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: channel,
    channel_name: 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/somebot',
    text,
    api_app_id: FAKE_BOT.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: newTriggerId('trigger'),
  };
  return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() };
}

// -- Interactivity (form-encoded `payload`)

function interaction(payload: Record<string, unknown>): Encoded {
  return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
}

export interface ClickedMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  ephemeral?: boolean;
}

/** block_actions: a button clicked in a message (or, with `view`, in a modal or App Home). */
export function blockAction(
  user: string,
  action: { actionId: string; value?: string; blockId?: string },
  where: { message: ClickedMessage; responseUrl: string } | { view: Record<string, unknown> },
): Encoded {
  const clicked = {
    action_id: action.actionId,
    block_id: action.blockId ?? 'block',
    text: { type: 'plain_text', text: 'button', emoji: true },
    ...(action.value !== undefined ? { value: action.value } : {}),
    type: 'button',
    action_ts: newTs(),
  };
  const common = {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM.id },
    api_app_id: FAKE_BOT.appId,
    token: 'Shh_its_a_seekrit',
    trigger_id: newTriggerId('click'),
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    actions: [clicked],
  };
  if ('view' in where) {
    return interaction({ ...common, container: { type: 'view', view_id: where.view.id }, view: where.view });
  }
  const { message, responseUrl } = where;
  return interaction({
    ...common,
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: message.ephemeral ?? false },
    channel: { id: message.channel, name: 'directmessage' },
    message: { type: 'message', bot_id: FAKE_BOT.botId, text: message.text ?? '', user: FAKE_BOT.userId, ts: message.ts, team: TEAM.id, blocks: message.blocks ?? [] },
    state: { values: {} },
    response_url: responseUrl,
  });
}

/** view_submission of a modal as the app opened it, with `values` as Slack reports the inputs' state. */
export function viewSubmission(user: string, view: Record<string, any>, values: Record<string, Record<string, unknown>>): Encoded {
  return interaction({
    type: 'view_submission',
    team: TEAM,
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM.id },
    api_app_id: FAKE_BOT.appId,
    token: 'Shh_its_a_seekrit',
    trigger_id: newTriggerId('submit'),
    view: {
      id: view.id,
      team_id: TEAM.id,
      type: 'modal',
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id,
      state: { values },
      hash: view.hash ?? 'hash',
      title: view.title,
      clear_on_close: false,
      notify_on_close: false,
      close: view.close ?? null,
      submit: view.submit ?? null,
      previous_view_id: view.previous_view_id ?? null,
      root_view_id: view.root_view_id ?? view.id,
      app_id: FAKE_BOT.appId,
      external_id: '',
      app_installed_team_id: TEAM.id,
      bot_id: FAKE_BOT.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}

/** message_action: the message shortcut chosen on a message. */
export function messageShortcut(user: string, callbackId: string, message: { channel: string; ts: string; user: string; text: string }, responseUrl: string): Encoded {
  return interaction({
    type: 'message_action',
    token: 'Nj2rfC2hU8mAfgaJLemZgO7H',
    action_ts: newTs(),
    team: TEAM,
    user: { id: user, name: user.toLowerCase(), username: user.toLowerCase(), team_id: TEAM.id },
    channel: { id: message.channel, name: 'ungdomstjanster' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: newTriggerId('shortcut'),
    response_url: responseUrl,
    message_ts: message.ts,
    message: { client_msg_id: randomUUID(), type: 'message', text: message.text, user: message.user, ts: message.ts, team: TEAM.id, blocks: [] },
  });
}

/**
 * The state Slack reports for a modal's inputs: each input block's current value — its initial value unless
 * `set` gives another (a string for selects, dates and text; a Slack user id for users_select; a boolean for
 * a checkbox; null to leave it empty).
 */
export function stateOf(view: Record<string, any>, set: Record<string, string | boolean | null> = {}): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks as any[]) {
    if (block.type !== 'input') continue;
    const element = block.element;
    const given = Object.prototype.hasOwnProperty.call(set, block.block_id) ? set[block.block_id] : undefined;
    const has = given !== undefined;
    let state: Record<string, unknown>;
    switch (element.type) {
      case 'static_select': {
        const value = has ? given : element.initial_option?.value ?? null;
        const option = (element.options as any[]).find((o) => o.value === value);
        state = { type: 'static_select', selected_option: option ? { text: option.text, value: option.value } : null };
        break;
      }
      case 'users_select':
        state = { type: 'users_select', selected_user: has ? given : element.initial_user ?? null };
        break;
      case 'checkboxes': {
        const checked = has ? given === true : (element.initial_options ?? []).length > 0;
        state = { type: 'checkboxes', selected_options: checked ? element.options : [] };
        break;
      }
      case 'datepicker':
        state = { type: 'datepicker', selected_date: has ? given : element.initial_date ?? null };
        break;
      case 'plain_text_input':
        state = { type: 'plain_text_input', value: has ? given : element.initial_value ?? null };
        break;
      default:
        continue;
    }
    values[block.block_id] = { [element.action_id]: state };
  }
  return values;
}
