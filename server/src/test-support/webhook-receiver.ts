import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  body: string;
  /** What the receiver answered (or `hang`). */
  answered: number | 'hang';
}

/** An answer: an HTTP status (with an optional delay and headers), or `hang` (never answer). */
export type Answer = number | 'hang' | { status: number; delayMs?: number; headers?: Record<string, string> };

export interface WebhookReceiver {
  /** Base URL on loopback, e.g. http://127.0.0.1:43121 */
  url: string;
  requests: ReceivedRequest[];
  /** Queues the next answers for a path; once they are used up the path answers 200 `ok`. */
  answer(path: string, ...answers: Answer[]): void;
  /** Requests to a path, in the order they arrived. */
  at(path: string): ReceivedRequest[];
  /** Waits (polling, 15 s at most) until a path has received `count` requests. */
  waitFor(path: string, count: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A receiver of webhooks on 127.0.0.1 (port 0) that records every request and answers as told. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const queued = new Map<string, Answer[]>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const answer = queued.get(path)?.shift() ?? 200;
      requests.push({
        path,
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered: typeof answer === 'object' ? answer.status : answer,
      });
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      const { status, delayMs = 0, headers = {} } = typeof answer === 'number' ? { status: answer } : answer;
      setTimeout(() => res.writeHead(status, headers).end(status < 300 ? 'ok' : `answer ${status}`), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const at = (path: string) => requests.filter((r) => r.path === path);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer: (path, ...answers) => queued.set(path, [...(queued.get(path) ?? []), ...answers]),
    at,
    async waitFor(path, count) {
      for (let waited = 0; at(path).length < count; waited += 25) {
        if (waited > 15_000) throw new Error(`${path}: ${at(path).length} of ${count} requests after 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return at(path);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * How a receiver verifies a delivery, as docs/api.md tells integrators: `rawBody` exactly as received, the
 * `Otklik-Signature` header, the signing secret; the timestamp within five minutes of the receiver's clock.
 */
export function verifyOtklikSignature(
  header: string | undefined,
  rawBody: string | Buffer,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const parts = (header ?? '').split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  return parts
    .filter(([key]) => key === 'v1')
    .some(([, value]) => {
      const given = Buffer.from(value ?? '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** Polls until `check` returns a value other than undefined/false (15 s at most). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let waited = 0; ; waited += 25) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (waited > 15_000) throw new Error(`still waiting after 15 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
