/** What the token endpoint gave us, with absolute expiry times (ms since epoch). */
export interface TokenSet {
  accessToken: string;
  expiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
  idToken?: string;
}

type Listener = () => void;

const STORAGE_KEY = 'otklik.auth.tokens';

function isTokenSet(value: unknown): value is TokenSet {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.accessToken === 'string' && typeof record.expiresAt === 'number';
}

/**
 * Tokens live in memory and in sessionStorage (they survive a reload of the
 * tab, not the closing of the browser, and are never shared between tabs).
 */
export class TokenStore {
  private tokens: TokenSet | null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | null) {
    this.tokens = this.read();
  }

  get(): TokenSet | null {
    return this.tokens;
  }

  set(tokens: TokenSet | null): void {
    this.tokens = tokens;
    try {
      if (tokens) this.storage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage can be full or disabled; memory still holds the session.
    }
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private read(): TokenSet | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return isTokenSet(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
}
