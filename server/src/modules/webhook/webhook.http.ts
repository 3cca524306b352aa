import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress, refusedHost, type WebhookTargetPolicy } from './webhook-target.js';

/** How much of a response body is kept in the delivery log. */
export const RESPONSE_BODY_LIMIT = 1024;

export interface PostResult {
  /** The receiver's HTTP status; absent when no response came. */
  statusCode?: number;
  /** Why no (acceptable) response came. */
  error?: string;
  /** The start of the response body. */
  responseBody?: string;
  durationMs: number;
  /** The caller aborted it (the process is stopping): nothing to record. */
  aborted?: boolean;
}

/**
 * Resolves as usual, then refuses names that resolve to a non-public address when the policy says so: checked
 * where the connection is made, so a name cannot pass validation and later resolve into the private network.
 */
export function guardedLookup(policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = policy.allowPrivateNetworks ? undefined : addresses.find((a) => isNonPublicAddress(a.address));
      if (refused) {
        const denied = Object.assign(new Error(`${hostname} resolves to ${refused.address}, a non-public address`), {
          code: 'EADDRNOTALLOWED',
        });
        return callback(denied, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

const describe = (error: Error & { code?: string }) =>
  error.code && !error.message.includes(error.code) ? `${error.message} (${error.code})` : error.message;

/**
 * POSTs a JSON body once: no redirects followed, at most `timeoutMs` from start to the end of the response,
 * only to the destinations the policy allows. Never throws.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; policy: WebhookTargetPolicy; signal?: AbortSignal },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...result, durationMs: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve({ error: 'the URL does not parse', durationMs: 0 });
    }
    const refused = refusedHost(url.hostname, options.policy);
    if (refused || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return resolve({ error: `destination not allowed: ${refused?.en ?? url.protocol}`, durationMs: 0 });
    }
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.policy),
    });
    const deadline = setTimeout(() => {
      request.destroy();
      finish({ error: `no complete response within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    const onAbort = () => {
      request.destroy();
      finish({ error: 'aborted', aborted: true });
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('error', (error) => finish({ error: describe(error) }));
    request.on('response', (response) => {
      const statusCode = response.statusCode ?? 0;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < RESPONSE_BODY_LIMIT) text += chunk;
        if (text.length >= RESPONSE_BODY_LIMIT) {
          // Enough for the log: the rest of a large answer is not waited for.
          response.destroy();
          finish({ statusCode, responseBody: text.slice(0, RESPONSE_BODY_LIMIT) });
        }
      });
      response.on('end', () => finish({ statusCode, responseBody: text }));
      response.on('error', () => finish({ statusCode, responseBody: text }));
    });
    request.end(body);
  });
}
