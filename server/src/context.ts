import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from './common/i18n/locale.js';
import { activeOrganisationId, isAuthenticated, type Actor } from './common/tenancy/actor.js';
import type { Logger } from './logger.js';
import type { ApiClientRegistry } from './modules/api-client/api-client.registry.js';
import type { WebhookTargetPolicy } from './modules/webhook/webhook-target.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { RatingsCache } from './modules/rating/rating.service.js';

/** Tunable rules of the product (configuration). */
export interface Settings {
  /** Reports from this many different organisations hide a comment pending moderation. */
  commentReportThreshold: number;
  /** For how long after posting the author may edit a comment. */
  commentEditWindowMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = { commentReportThreshold: 3, commentEditWindowMinutes: 15 };

/** Everything a resolver needs for one request; built once per request, never shared. */
export interface Context {
  requestId: string;
  /** The client's address (behind a trusted proxy, the forwarded one): rate limits count by it. */
  clientIp: string;
  locale: Locale;
  actor: Actor;
  /** A fork of the ORM's entity manager carrying the actor's row-level-security variables. */
  em: EntityManager;
  loaders: Loaders;
  logger: Logger;
  now: () => Date;
  settings: Settings;
  /** Where API clients are created in the identity provider; absent when that is not configured. */
  apiClients?: ApiClientRegistry;
  /** Which webhook URLs are accepted; absent means the strictest (https, public addresses only). */
  webhookTargets?: WebhookTargetPolicy;
  /** The operation's cost under the rate limits, once it is known. */
  operationCost?: number;
  /** Leaderboards kept between requests until the next write (the same whoever asks); absent when caching is off. */
  ratings?: RatingsCache;
}

export function createContext(parts: Omit<Context, 'loaders'>): Context {
  const subject = isAuthenticated(parts.actor) ? parts.actor.subject : undefined;
  return { ...parts, loaders: createLoaders(parts.em, activeOrganisationId(parts.actor), subject) };
}
