import { unauthenticated } from '../errors/domain-error.js';
import { type Actor, type AuthenticatedActor, isAuthenticated } from './actor.js';

export function requireAuthenticated(actor: Actor): AuthenticatedActor {
  if (!isAuthenticated(actor)) throw unauthenticated();
  return actor;
}
