import type { types, webApi } from '@slack/bolt';

/**
 * Block Kit and Web API types, taken from what @slack/bolt re-exports (so the adapter depends on Bolt only,
 * not on its internal packages).
 */
export type KnownBlock = types.KnownBlock;
export type ActionsBlock = types.ActionsBlock;
export type InputBlock = types.InputBlock;
export type Button = types.Button;
export type Checkboxes = types.Checkboxes;
export type PlainTextOption = types.PlainTextOption;
export type PlainTextElement = types.PlainTextElement;
export type MrkdwnElement = types.MrkdwnElement;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
export type WebClient = webApi.WebClient;
