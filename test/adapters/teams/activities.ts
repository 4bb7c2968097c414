/**
 * Inbound activities as Microsoft Teams sends them (Bot Framework schema; shapes follow the payloads in
 * Microsoft's Teams bot documentation: personal chat, channel @mention, Action.Submit from a card,
 * installationUpdate). The people are the demo directory's (content/demo-directory.yaml).
 */

/** An activity as JSON on the wire (Bot Framework schema; dates as ISO strings). */
export interface TeamsActivity {
  type: string;
  id: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  [field: string]: unknown;
}

export const TENANT_ID = '6f1a8d2e-4b1c-4c3d-9e8f-0a1b2c3d4e5f';
export const BOT_ID = '28:00000000-0000-0000-0000-0000000b0700';

export interface TeamsUser {
  /** The directory id (for assertions). */
  directoryId: string;
  name: string;
  /** AAD object id = the person's Teams identity in the directory. */
  aadObjectId: string;
  /** Teams user id (MRI) for this bot. */
  id: string;
  /** The personal chat between this user and the bot. */
  personalConversation: string;
  locale: string;
}

function user(directoryId: string, name: string, n: number, locale: string): TeamsUser {
  return {
    directoryId,
    name,
    aadObjectId: `8c2f1a40-000${n}-4c1e-9a53-00000000000${n}`,
    id: `29:1${directoryId.replace(/\W/g, '')}MRI`,
    personalConversation: `a:1${directoryId.replace(/\W/g, '')}-personal`,
    locale,
  };
}

export const USERS = {
  kaisa: user('kaisa.virtanen', 'Kaisa Virtanen', 1, 'fi-FI'),
  karin: user('karin.nystrom', 'Karin Nyström', 2, 'sv-FI'),
  anna: user('anna.lindqvist', 'Anna Lindqvist', 3, 'sv-FI'),
  mikko: user('mikko.laine', 'Mikko Laine', 4, 'fi-FI'),
  timo: user('timo.korhonen', 'Timo Korhonen', 8, 'fi-FI'),
  linnea: user('linnea.berg', 'Linnea Berg', 9, 'sv-FI'),
  stranger: {
    directoryId: '',
    name: 'Outside Person',
    aadObjectId: 'ffffffff-0000-4000-8000-000000000099',
    id: '29:1strangerMRI',
    personalConversation: 'a:1stranger-personal',
    locale: 'fi-FI',
  } satisfies TeamsUser,
};

/** IT security's channel (the directory's Teams channel for informationsförvaltningen). */
export const IT_CHANNEL = '19:infosec-kyrkslatt@thread.tacv2';
export const IT_TEAM = '19:infosecteam-general@thread.tacv2';
export const GENERAL_CHANNEL = '19:general-kyrkslatt@thread.tacv2';

let sequence = 0;
const nextId = () => `1716${String(++sequence).padStart(9, '0')}`;

function common(serviceUrl: string, u: TeamsUser) {
  return {
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    from: { id: u.id, name: u.name, aadObjectId: u.aadObjectId },
    recipient: { id: BOT_ID, name: 'somebot' },
    locale: u.locale,
    entities: [{ type: 'clientInfo', locale: u.locale, country: 'FI', platform: 'Web', timezone: 'Europe/Helsinki' }],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

function personal(u: TeamsUser) {
  return { conversationType: 'personal', tenantId: TENANT_ID, id: u.personalConversation };
}

/** A message typed in the personal chat with the bot. */
export function personalMessage(serviceUrl: string, u: TeamsUser, text: string, id = nextId()): TeamsActivity {
  return { ...common(serviceUrl, u), type: 'message', id, textFormat: 'plain', text, conversation: personal(u) } as TeamsActivity;
}

/** An Action.Submit pressed on a card the bot posted (`replyToId` = that card's activity id). */
export function cardSubmit(serviceUrl: string, u: TeamsUser, value: Record<string, unknown>, replyToId: string | undefined, options: { channel?: string } = {}): TeamsActivity {
  const conversation = options.channel
    ? { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: `${options.channel};messageid=${replyToId ?? nextId()}` }
    : personal(u);
  return {
    ...common(serviceUrl, u),
    ...(options.channel ? { channelData: { tenant: { id: TENANT_ID }, channel: { id: options.channel }, team: { id: IT_TEAM } } } : {}),
    type: 'message',
    id: nextId(),
    ...(replyToId ? { replyToId } : {}),
    value,
    conversation,
  } as TeamsActivity;
}

/** "@somebot <text>" posted in a channel (a new thread). */
export function channelMention(serviceUrl: string, u: TeamsUser, channel: string, text: string): TeamsActivity {
  const id = nextId();
  return {
    ...common(serviceUrl, u),
    type: 'message',
    id,
    textFormat: 'plain',
    text: `<at>somebot</at> ${text}`,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: `${channel};messageid=${id}` },
    channelData: { tenant: { id: TENANT_ID }, channel: { id: channel }, team: { id: IT_TEAM }, teamsChannelId: channel, teamsTeamId: IT_TEAM },
    entities: [
      { type: 'mention', mentioned: { id: BOT_ID, name: 'somebot' }, text: '<at>somebot</at>' },
      { type: 'clientInfo', locale: u.locale, country: 'FI', platform: 'Web', timezone: 'Europe/Helsinki' },
    ],
  } as TeamsActivity;
}

/** The app installed in the user's personal scope. */
export function installedPersonal(serviceUrl: string, u: TeamsUser): TeamsActivity {
  return { ...common(serviceUrl, u), type: 'installationUpdate', id: `f:${nextId()}`, action: 'add', conversation: personal(u) } as TeamsActivity;
}

/** The app added to a team, with `channel` chosen in the installation dialog. */
export function installedInTeam(serviceUrl: string, u: TeamsUser, channel: string): TeamsActivity {
  return {
    ...common(serviceUrl, u),
    type: 'installationUpdate',
    id: `f:${nextId()}`,
    action: 'add',
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: channel, name: 'Informationsförvaltningen' },
    channelData: { settings: { selectedChannel: { id: channel } }, channel: { id: channel }, team: { id: IT_TEAM, name: 'Informationsförvaltningen' }, tenant: { id: TENANT_ID } },
  } as TeamsActivity;
}

/**
 * A message extension invoke as Teams sends it from a message's … menu in a channel
 * (composeExtension/fetchTask, composeExtension/submitAction); `teamId` when the channel's team is known.
 */
export function messageActionInvoke(serviceUrl: string, u: TeamsUser, name: string, value: Record<string, unknown>, options: { teamId?: string } = {}): TeamsActivity {
  const messageId = nextId();
  return {
    type: 'invoke',
    name,
    id: `f:invoke-${messageId}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: u.id, name: u.name, aadObjectId: u.aadObjectId },
    recipient: { id: BOT_ID, name: 'somebot' },
    locale: u.locale,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: `19:general-kyrkslatt@thread.tacv2;messageid=${messageId}` },
    channelData: {
      tenant: { id: TENANT_ID },
      channel: { id: '19:general-kyrkslatt@thread.tacv2' },
      ...(options.teamId ? { team: { id: options.teamId } } : {}),
      source: { name: 'message' },
    },
    value,
  };
}
