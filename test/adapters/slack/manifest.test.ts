/**
 * manifests/slack/manifest.json against a schema of the fields Slack requires (with Slack's documented
 * limits), and against the code: the command, the shortcut, the events listened to, the events URL and
 * the scopes of every Web API method the adapter calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../../src/core/i18n';
import { SHORTCUT, SLACK_EVENTS_PATH, SLASH_COMMAND } from '../../../src/adapters/slack/ids';
import { BOT_EVENTS } from '../../../src/adapters/slack/listeners/events';
import { FEATURE_SCOPES, METHOD_SCOPES } from '../../../src/adapters/slack/slackApi';

const httpsUrl = z.string().url().startsWith('https://');

/** The manifest fields Slack requires for this app (https://docs.slack.dev/reference/app-manifest). */
const manifestSchema = z
  .object({
    _metadata: z.object({ major_version: z.union([z.literal(1), z.literal(2)]), minor_version: z.number().int().min(0) }).optional(),
    display_information: z.object({
      name: z.string().min(1).max(35),
      description: z.string().max(140).optional(),
      long_description: z.string().min(175).max(4000).optional(),
      background_color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/).optional(),
    }),
    features: z.object({
      app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }),
      bot_user: z.object({ display_name: z.string().min(1).max(80).regex(/^[a-z0-9._-]+$/), always_online: z.boolean().optional() }),
      slash_commands: z
        .array(
          z.object({
            command: z.string().startsWith('/').max(32),
            description: z.string().min(1).max(2000),
            url: httpsUrl.optional(),
            usage_hint: z.string().max(1000).optional(),
            should_escape: z.boolean().optional(),
          }),
        )
        .max(50),
      shortcuts: z
        .array(
          z.object({
            name: z.string().min(1).max(24),
            type: z.enum(['message', 'global']),
            callback_id: z.string().min(1).max(255),
            description: z.string().min(1).max(150),
          }),
        )
        .max(10),
    }),
    oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string().regex(/^[a-z_.]+:[a-z_.]+$|^commands$/)).min(1).max(255) }) }),
    settings: z.object({
      event_subscriptions: z.object({ request_url: httpsUrl.optional(), bot_events: z.array(z.string().min(1)).max(100) }),
      interactivity: z.object({ is_enabled: z.boolean(), request_url: httpsUrl.optional() }),
      org_deploy_enabled: z.boolean().optional(),
      socket_mode_enabled: z.boolean(),
      token_rotation_enabled: z.boolean().optional(),
    }),
  })
  .superRefine((m, ctx) => {
    // Over HTTP every entry point needs a request URL; in Socket Mode none is used.
    if (m.settings.socket_mode_enabled) return;
    if (!m.settings.event_subscriptions.request_url) ctx.addIssue({ code: 'custom', path: ['settings', 'event_subscriptions', 'request_url'], message: 'required' });
    if (m.settings.interactivity.is_enabled && !m.settings.interactivity.request_url) ctx.addIssue({ code: 'custom', path: ['settings', 'interactivity', 'request_url'], message: 'required' });
    m.features.slash_commands.forEach((c, i) => {
      if (!c.url) ctx.addIssue({ code: 'custom', path: ['features', 'slash_commands', i, 'url'], message: 'required' });
    });
  });

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'manifests', 'slack', 'manifest.json'), 'utf8')) as unknown;

describe('manifests/slack/manifest.json', () => {
  const parsed = manifestSchema.safeParse(manifest);

  it('has every field Slack requires, within Slack\'s limits', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  const m = parsed.data!;

  it('declares the slash command and the message shortcut the adapter handles', () => {
    expect(m.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(m.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: SHORTCUT.reportMessage, name: 'Report this message' })]);
  });

  it('subscribes to exactly the bot events the adapter listens to, and enables App Home and interactivity', () => {
    expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(m.settings.interactivity.is_enabled).toBe(true);
  });

  it('points every request URL at the bot\'s events path', () => {
    const urls = [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url, ...m.features.slash_commands.map((c) => c.url)];
    for (const url of urls) expect(new URL(url!).pathname).toBe(SLACK_EVENTS_PATH);
  });

  it('grants every scope the adapter needs, and no other', () => {
    const needed = new Set([...Object.values(METHOD_SCOPES).flat(), ...FEATURE_SCOPES]);
    expect([...m.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('is refused by the schema when a required field is missing', () => {
    const broken = JSON.parse(JSON.stringify(manifest)) as { features: { slash_commands: { url?: string }[] }; display_information: { name?: string } };
    delete broken.features.slash_commands[0]!.url;
    delete broken.display_information.name;
    const issues = manifestSchema.safeParse(broken).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues).toEqual(expect.arrayContaining(['display_information.name']));
    const noUrl = JSON.parse(JSON.stringify(manifest)) as { features: { slash_commands: { url?: string }[] } };
    delete noUrl.features.slash_commands[0]!.url;
    expect(manifestSchema.safeParse(noUrl).error?.issues.map((i) => i.path.join('.'))).toEqual(['features.slash_commands.0.url']);
  });
});
