type Listener = () => void;

const STORAGE_KEY = 'otklik.activeOrganisation';

/**
 * The organisation a person acts for, sent to the API as the
 * X-Otklik-Organisation header. Kept outside React so that the Apollo link
 * reads the same value the header switcher shows.
 */
export class ActiveOrganisationStore {
  private id: string | null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | null) {
    this.id = this.read();
  }

  get = (): string | null => this.id;

  set(id: string | null): void {
    if (id === this.id) return;
    this.id = id;
    try {
      if (id) this.storage?.setItem(STORAGE_KEY, id);
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Memory still holds the choice.
    }
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private read(): string | null {
    try {
      return this.storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
