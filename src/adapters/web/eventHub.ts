import type { Response } from 'express';

/** Event names of the live stream, declared once (the page listens for these). */
export const WEB_EVENTS = {
  /** A message for this person arrived (data: {key, html}). */
  inbox: 'inbox',
  /** Reports this person can see may have changed: reload the list (data: {reference}). */
  reports: 'reports',
} as const;
export type WebEventName = (typeof WEB_EVENTS)[keyof typeof WEB_EVENTS];

/** Keeps idle connections (and proxies) from closing the stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Event streams of the open pages, by person. Only this process's pages are reached (the web
 * chat is a single-process demo); a page that reconnects reloads its inbox and reports, so nothing is missed.
 * A page holds its stream only while it is visible (a browser allows six connections per host).
 */
export class EventHub {
  private readonly streams = new Map<string, Set<Response>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => this.everyStream((res) => res.write(': ping\n\n')), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Turns `res` into an event stream for `personId` until the client leaves or close() is called. */
  open(personId: string, res: Response): void {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    let set = this.streams.get(personId);
    if (!set) this.streams.set(personId, (set = new Set()));
    set.add(res);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0 && this.streams.get(personId) === set) this.streams.delete(personId);
    });
  }

  /** Sends an event to every open page of these people. */
  publish(personIds: Iterable<string>, event: WebEventName, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const id of new Set(personIds)) for (const res of this.streams.get(id) ?? []) res.write(frame);
  }

  /** Sends an event to every open page. */
  broadcast(event: WebEventName, data: unknown): void {
    this.publish(this.streams.keys(), event, data);
  }

  /** How many pages are connected (for tests). */
  get connections(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** Ends every stream (shutdown); pages reconnect to whichever server answers next. */
  close(): void {
    clearInterval(this.heartbeat);
    this.everyStream((res) => res.end());
    this.streams.clear();
  }

  private everyStream(fn: (res: Response) => void): void {
    for (const set of this.streams.values()) for (const res of set) fn(res);
  }
}
