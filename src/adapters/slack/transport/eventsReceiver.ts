import { ExpressReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { Express, Request, Response } from 'express';
import { SLACK_EVENTS_PATH } from '../ids';
import { classifySlackBody } from './payloadShape';

/**
 * Bolt's ExpressReceiver on the bot's own Express app, at POST /slack/events, with Slack's request
 * verification (signature over the raw body, timestamp within five minutes: 401 otherwise) done by Bolt
 * before anything is parsed; a timestamp more than five minutes ahead is refused here (Bolt only checks age). A verified body that is not JSON / form data gets 400 from Bolt; one that
 * parses but is no Slack payload gets 400 here; Slack's "app_rate_limited" notice gets 200 and a log line.
 *
 * processBeforeResponse stays false: an event is acknowledged (HTTP 200) before its listener runs, so slow
 * work never delays the answer Slack expects within 3 s. Where a commit must precede the acknowledgement
 * (a report submitted from the modal), the listener calls ack() only after the store committed.
 */
export class SlackEventsReceiver extends ExpressReceiver {
  private readonly onRateLimited: () => void;

  constructor(options: { signingSecret: string; app: Express; logger: BoltLogger; onRateLimited: () => void }) {
    super({
      signingSecret: options.signingSecret,
      signatureVerification: true,
      processBeforeResponse: false,
      endpoints: SLACK_EVENTS_PATH,
      app: options.app,
      logger: options.logger,
    });
    this.onRateLimited = options.onRateLimited;
  }

  override async requestHandler(req: Request, res: Response): Promise<void> {
    // Bolt rejects a timestamp older than five minutes; Slack's rule is five minutes in either direction.
    if (timestampFromFuture(req.headers['x-slack-request-timestamp'], Date.now())) {
      res.status(401).send();
      return;
    }
    const kind = classifySlackBody(req.body);
    if (kind === 'malformed') {
      res.status(400).send();
      return;
    }
    if (kind === 'rate_limited') {
      this.onRateLimited();
      res.status(200).send();
      return;
    }
    await super.requestHandler(req, res);
  }
}

/** How far a request's timestamp may be from now, either way (Slack's documented window). */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;

/** True when the X-Slack-Request-Timestamp header lies more than the window ahead of `nowMs`. */
export function timestampFromFuture(header: string | string[] | undefined, nowMs: number): boolean {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds > Math.floor(nowMs / 1000) + SLACK_TIMESTAMP_WINDOW_S;
}
