type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };

interface Entry {
  payload: Payload;
  expiresAt: number;
}

/**
 * In-memory storage for oidc-provider models (sessions, grants, codes, tokens, runtime clients).
 * One per development IdP, outliving provider instances so a key rotation keeps sessions.
 */
export class DevIdpStore {
  readonly #entries = new Map<string, Entry>();
  readonly #grantMembers = new Map<string, Set<string>>();
  readonly #sessionsByUid = new Map<string, string>();
  readonly #byUserCode = new Map<string, string>();

  /** The `adapter` option of oidc-provider: a factory per model name. */
  readonly adapterFactory = (model: string) => new DevIdpAdapter(model, this);

  get(key: string): Payload | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: Payload, expiresInSeconds?: number): void {
    this.#sweep();
    const expiresAt = expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : Number.POSITIVE_INFINITY;
    this.#entries.set(key, { payload, expiresAt });
    if (payload.grantId) {
      const members = this.#grantMembers.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.#grantMembers.set(payload.grantId, members);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  indexSession(uid: string, id: string): void {
    this.#sessionsByUid.set(uid, id);
  }

  sessionIdByUid(uid: string): string | undefined {
    return this.#sessionsByUid.get(uid);
  }

  indexUserCode(userCode: string, id: string): void {
    this.#byUserCode.set(userCode, id);
  }

  idByUserCode(userCode: string): string | undefined {
    return this.#byUserCode.get(userCode);
  }

  revokeGrant(grantId: string): void {
    for (const key of this.#grantMembers.get(grantId) ?? []) this.#entries.delete(key);
    this.#grantMembers.delete(grantId);
  }

  #sweep(): void {
    if (this.#entries.size % 256 !== 0) return;
    const now = Date.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}

class DevIdpAdapter {
  constructor(
    private readonly model: string,
    private readonly store: DevIdpStore,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    if (this.model === 'Session' && payload.uid) this.store.indexSession(payload.uid, id);
    if (payload.userCode) this.store.indexUserCode(payload.userCode, id);
    this.store.set(this.key(id), payload, expiresIn);
  }

  async find(id: string): Promise<Payload | undefined> {
    return this.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    const id = this.store.sessionIdByUid(uid);
    return id ? this.find(id) : undefined;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    const id = this.store.idByUserCode(userCode);
    return id ? this.find(id) : undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.revokeGrant(grantId);
  }
}
