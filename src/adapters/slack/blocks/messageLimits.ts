import type { KnownBlock } from '../slackTypes';
import { LIMIT, plain } from './text';

/** Slack refuses a message with more than 50 blocks, or whose blocks hold more than this much text. */
const MAX_MESSAGE_CHARS = 40_000;

/**
 * A message as Slack accepts it (https://docs.slack.dev/reference/block-kit/blocks): at most 50 blocks and
 * 40,000 characters; every section text is already cut to 3,000 by mrkdwn()/plain(). When too long, text
 * blocks from the end of the body go (the last actions block — Details, Acknowledge — always stays) and a
 * context line `note` says the message was shortened; Details shows everything. A message that fits is
 * returned unchanged.
 */
export function fitBlocks(blocks: KnownBlock[], note: string): KnownBlock[] {
  if (blocks.length <= LIMIT.blocksPerMessage && textLength(blocks) <= MAX_MESSAGE_CHARS) return blocks;
  const last = blocks[blocks.length - 1];
  const tail: KnownBlock[] = last?.type === 'actions' ? [last] : [];
  const body = tail.length > 0 ? blocks.slice(0, -1) : [...blocks];
  const noteBlock: KnownBlock = { type: 'context', elements: [plain(note)] };
  while (body.length > 1 && (body.length + tail.length + 1 > LIMIT.blocksPerMessage || textLength([...body, noteBlock, ...tail]) > MAX_MESSAGE_CHARS)) body.pop();
  return [...body, noteBlock, ...tail];
}

function textLength(blocks: KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}
