import { foldCase, stripDiacritics } from '../../text/normalize';
import type { ReportCategory } from '../categories';
import type { ReportDraft, SocialPlatform } from '../report';
import type { Choice } from './types';

/** An option with the hidden words that also select it (in every language: a Finn may type "kyllä" in sv). */
export interface Option extends Choice {
  aliases?: readonly string[];
}

/** Words that stop the dialog at any step (the whole message, in any UI language). */
export const CANCEL_WORDS = ['avbryt', 'peruuta', 'cancel'] as const;
export const YES_WORDS = ['ja', 'j', 'yes', 'y', 'kylla', 'k', 'joo', 'juu', 'japp', 'jepp', 'ja tack', 'absolut', 'kylla on', 'joo on', 'on', 'yep', 'yeah'] as const;
export const NO_WORDS = ['nej', 'n', 'no', 'ei', 'e', 'na', 'naa', 'nej tack', 'nix', 'ei oo', 'ei ole', 'eipa', 'ei tarvitse', 'nope', 'nah'] as const;
/**
 * The everyday words for each kind of account, typed instead of the button's label ("privat", "työprofiili",
 * "kommunens"), in every language: matched whole, like the labels.
 */
export const ACCOUNT_WORDS: Readonly<Record<'own_work_profile' | 'organisation_account' | 'private_profile', readonly string[]>> = {
  own_work_profile: [
    'arbetsprofil', 'arbetsprofilen', 'min arbetsprofil', 'egen arbetsprofil', 'arbetskonto', 'mitt arbetskonto', 'jobbprofil', 'jobbkonto',
    'jobbprofilen', 'min jobbprofil', 'arbetskontot', 'jobbkontot', 'mitt jobbkonto',
    'tyoprofiili', 'oma tyoprofiili', 'tyoprofiilini', 'tyotili', 'oma tyotili', 'tyotilini',
    'work profile', 'my work profile', 'work account',
  ],
  organisation_account: [
    'kommunens', 'kommunens konto', 'kommunkonto', 'kommunens sida', 'organisationens konto',
    'kunnan', 'kunnan tili', 'kunnan sivu', 'kunnan tilin', 'organisaation tili', 'kunnan sivulla', 'kunnan tililla',
    'municipal account', 'the municipality', 'municipality', 'organisation account',
  ],
  private_profile: [
    'privat', 'privata', 'privat profil', 'min privata', 'privatkonto', 'mitt privata konto', 'privat konto',
    'privata profilen', 'min privata profil', 'privatprofil', 'privatprofilen', 'privatkontot',
    'yksityinen', 'yksityinen profiili', 'oma yksityinen', 'yksityinen tili', 'yksityistili', 'henkilokohtainen',
    'private', 'private profile', 'personal', 'personal account', 'my private profile',
  ],
};

/**
 * The short names and the "on X" forms people type for a service ("fb", "insta", "på tiktok", "twitterissä"),
 * in every language: matched whole, like the labels.
 */
export const PLATFORM_WORDS: Readonly<Record<'facebook' | 'instagram' | 'x' | 'linkedin' | 'youtube' | 'tiktok', readonly string[]>> = {
  facebook: ['fb', 'face', 'på facebook', 'på fb', 'på face', 'facebookissa', 'facebookista', 'fb:ssa', 'fbssa', 'naamakirja', 'naamakirjassa'],
  instagram: ['insta', 'ig', 'instan', 'på insta', 'på instagram', 'på ig', 'instassa', 'instasta', 'instagramissa', 'instagramista', 'ig:ssa', 'igssa'],
  x: ['x', 'twitter', 'på twitter', 'på x', 'twitterissa', 'twitterista', 'x:ssa', 'xssa'],
  linkedin: ['på linkedin', 'linkedinissa', 'linkedinista', 'linkkari', 'linkkarissa'],
  youtube: ['yt', 'på youtube', 'youtubessa', 'youtubesta', 'tuubi', 'tuubissa'],
  tiktok: ['tik tok', 'på tiktok', 'tiktokissa', 'tiktokista'],
};

/**
 * The everyday words for each kind of report, typed at "what is it about?" instead of the button's label
 * ("hackat konto", "toimittaja"), in every language, with each language's label: matched whole, like the labels.
 */
export const CATEGORY_WORDS: Readonly<Record<ReportCategory, readonly string[]>> = {
  threat: ['hot', 'hotad', 'hotelse', 'hotfullt', 'uhkaus', 'uhkailu', 'uhattu', 'threat', 'threats'],
  harassment: ['trakasserier', 'trakasserad', 'trakasseri', 'nathat', 'natmobbning', 'mobbning', 'hairinta', 'hairinta somessa', 'vihapuhe', 'kiusaaminen', 'nettikiusaaminen', 'harassment'],
  identity_theft: [
    'identitetsstold eller kapat konto', 'identitetsstold', 'kapat konto', 'kapat', 'hackat konto', 'hackad', 'hackat', 'falsk profil', 'fejkprofil',
    'identiteettivarkaus tai kaapattu tili', 'identiteettivarkaus', 'kaapattu tili', 'kaapattu', 'hakkerointi', 'hakkeroitu tili', 'hakkeroitu', 'valeprofiili',
    'identity theft or hijacked account', 'identity theft', 'hijacked account', 'hacked account', 'hacked', 'fake profile',
  ],
  phishing: ['natfiske', 'phishing', 'fiske', 'tietojenkalastelu', 'kalastelu', 'huijausviesti', 'huijaus'],
  malware: ['skadeprogram', 'virus', 'skadlig kod', 'haittaohjelma', 'haittaohjelmat', 'malware'],
  media_contact: ['kontakt fran media', 'media', 'journalist', 'reporter', 'median yhteydenotto', 'toimittaja', 'lehdisto', 'contact from the media', 'the media', 'press'],
  misinformation: [
    'felaktiga pastaenden om kommunen', 'falska pastaenden', 'felaktiga pastaenden', 'desinformation', 'falsk information',
    'virheellinen vaite kunnasta', 'valheellinen vaite', 'virheellinen vaite', 'valheellista tietoa', 'disinformaatio',
    'false claims about the municipality', 'false claims', 'misinformation', 'disinformation',
  ],
  illegal_content: [
    'olagligt innehall i kommunens kanal', 'olagligt innehall', 'olagligt', 'laiton sisalto kunnan kanavalla', 'laiton sisalto', 'laiton',
    "illegal content on the municipality's channel", 'illegal content', 'illegal',
  ],
};

/** Services without a button of their own, by the name people type; chosen as "other" with this name. */
const OTHER_SERVICES: Readonly<Record<string, string>> = {
  snapchat: 'Snapchat', snap: 'Snapchat', whatsapp: 'WhatsApp', telegram: 'Telegram', discord: 'Discord', threads: 'Threads',
  bluesky: 'Bluesky', mastodon: 'Mastodon', reddit: 'Reddit', messenger: 'Messenger', signal: 'Signal', jodel: 'Jodel',
  twitch: 'Twitch', pinterest: 'Pinterest', vimeo: 'Vimeo', tumblr: 'Tumblr', vk: 'VK', wechat: 'WeChat',
};

/**
 * The service a typed answer names when it has no button ("snapchat", "i whatsapp", "telegramissa"), or
 * undefined.
 */
export function otherServiceNamed(text: string): string | undefined {
  const base = normalizeAnswer(text)
    .replace(/^(?:pa|i|in|on|via) /, '')
    .replace(/:?(?:issa|ista|ssa|sta)$/, '');
  return OTHER_SERVICES[base];
}

/**
 * The one service a free-text message names ("nån har hackat vår insta", "facebookissa joku uhkailee"), as the
 * answer to "where did it happen?", or undefined when it names none or several. Only words that cannot be
 * anything else count: not "x" nor "face", which are everyday words too.
 */
export function serviceNamedIn(text: string): Pick<ReportDraft, 'platform' | 'platformOther'> | undefined {
  const found = new Map<string, Pick<ReportDraft, 'platform' | 'platformOther'>>();
  for (const word of normalizeAnswer(text).split(/[^\p{L}\p{N}:]+/u).filter(Boolean)) {
    const platform = SERVICE_WORDS.get(word);
    if (platform) found.set(platform, { platform });
    const other = otherServiceNamed(word);
    if (other) found.set(other, { platform: 'other', platformOther: other });
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** Single words naming a service with a button of its own, for serviceNamedIn. */
const SERVICE_WORDS: ReadonlyMap<string, Exclude<SocialPlatform, 'other'>> = new Map(
  (Object.entries(PLATFORM_WORDS) as [Exclude<SocialPlatform, 'other'>, readonly string[]][]).flatMap(([platform, words]) =>
    [platform, ...words]
      .map((w) => normalizeAnswer(w))
      .filter((w) => !w.includes(' ') && w !== 'x' && w !== 'face')
      .map((w) => [w, platform] as const),
  ),
);

/** Words that mean "no evidence" at the evidence step. */
export const NONE_WORDS = ['nej', 'ingen', 'inga', 'inget', 'ei', 'ei ole', 'ei mitaan', 'none', 'no', 'nothing', '-'] as const;

/** Case-, diacritics- and punctuation-insensitive form for comparing typed answers. */
export function normalizeAnswer(text: string): string {
  return stripDiacritics(foldCase(text))
    .replace(/[“”"'’.!?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isCancelText(text: string): boolean {
  return (CANCEL_WORDS as readonly string[]).includes(normalizeAnswer(text));
}

/**
 * The option a typed answer picks: its number (1-based, in order), its label, its id or one of its aliases.
 * Undefined when nothing matches or the number is out of range.
 */
export function matchOption(text: string, options: readonly Option[]): Option | undefined {
  const answer = normalizeAnswer(text);
  if (!answer) return undefined;
  if (/^\d+$/.test(answer)) return options[Number(answer) - 1];
  return options.find(
    (o) =>
      normalizeAnswer(o.label) === answer ||
      normalizeAnswer(o.id) === answer ||
      (o.aliases ?? []).some((alias) => normalizeAnswer(alias) === answer),
  );
}

/** The public part of options, for BotReply.choices. */
export function toChoices(options: readonly Option[]): Choice[] {
  return options.map(({ id, label }) => ({ id, label }));
}
