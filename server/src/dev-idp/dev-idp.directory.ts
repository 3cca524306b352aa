import { createHash, timingSafeEqual } from 'node:crypto';
import type { Account } from 'oidc-provider';
import { userProfileClaims } from './dev-idp.claims.js';
import type { DevClient, DevUser } from './dev-idp.types.js';

/** The realm's people and service-account clients; both can be added at runtime. */
export class DevDirectory {
  readonly #usersById = new Map<string, DevUser>();
  readonly #usersByName = new Map<string, DevUser>();
  readonly #clients = new Map<string, DevClient>();

  constructor(users: DevUser[], clients: DevClient[]) {
    for (const user of users) this.addUser(user);
    for (const client of clients) this.addClient(client);
  }

  /** Sign-in names are usernames and emails; a name already taken by someone else is refused. */
  addUser(user: DevUser): void {
    const names = [user.username.toLowerCase(), user.email.toLowerCase()];
    const taken = names.find((name) => {
      const holder = this.#usersByName.get(name);
      return holder !== undefined && holder.id !== user.id;
    });
    if (taken) throw new Error(`development IdP: "${taken}" already belongs to another user`);
    const previous = this.#usersById.get(user.id);
    if (previous) {
      this.#usersByName.delete(previous.username.toLowerCase());
      this.#usersByName.delete(previous.email.toLowerCase());
    }
    this.#usersById.set(user.id, user);
    for (const name of names) this.#usersByName.set(name, user);
  }

  addClient(client: DevClient): void {
    this.#clients.set(client.clientId, client);
  }

  removeClient(clientId: string): void {
    this.#clients.delete(clientId);
  }

  client(clientId: string): DevClient | undefined {
    return this.#clients.get(clientId);
  }

  user(id: string): DevUser | undefined {
    return this.#usersById.get(id);
  }

  /** By username or email, case-insensitive as in Keycloak; the password comparison is constant-time. */
  authenticate(username: unknown, password: unknown): DevUser | undefined {
    if (typeof username !== 'string' || typeof password !== 'string') return undefined;
    const user = this.#usersByName.get(username.trim().toLowerCase());
    const digest = (value: string) => createHash('sha256').update(value).digest();
    const matches = timingSafeEqual(digest(user?.password ?? '\u0000'), digest(password));
    return user && matches ? user : undefined;
  }

  account(id: string): Account | undefined {
    const user = this.user(id);
    return user && { accountId: user.id, claims: () => userProfileClaims(user) };
  }
}
