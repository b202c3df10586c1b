// The user's answers for suppliers the directory could not locate ("this one is in
// 29200", "this one is German", "ignore it"), remembered in the browser for the next
// run. Keyed by the supplier key and its normalised name, so the same CompAuxNum
// reused for another supplier in another file does not inherit a wrong answer.
// Nothing here is sent anywhere.

export type SupplierAnswer =
  | { kind: 'postal_code'; postalCode: string }
  | { kind: 'country'; country: string }
  | { kind: 'ignore' };

interface StoredAnswer {
  answer: SupplierAnswer;
  /** ISO date of the answer, to show "répondu le …" and expire very old ones if needed. */
  at: string;
}

/** The part of the Web Storage API used here, so tests can pass a map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const answersStorageKey = 'relocalisons:ibal:answers:v1';

/** Upper case, no accents, alphanumerics separated by single spaces. */
export function normaliseSupplierName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

export function answerKey(supplierKey: string, name: string): string {
  return `${supplierKey.trim()}|${normaliseSupplierName(name)}`;
}

function isAnswer(value: unknown): value is SupplierAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.kind === 'ignore') return true;
  if (v.kind === 'postal_code') return typeof v.postalCode === 'string' && /^[0-9A-Z -]{2,10}$/i.test(v.postalCode);
  if (v.kind === 'country') return typeof v.country === 'string' && v.country.length > 0 && v.country.length <= 60;
  return false;
}

export class AnswersStore {
  private answers = new Map<string, StoredAnswer>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.load();
  }

  private load(): void {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(answersStorageKey) ?? null;
    } catch {
      return; // storage disabled (private mode, policy): answers live for this visit only
    }
    if (!raw) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return; // damaged: start afresh rather than fail the page
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      const stored = value as Partial<StoredAnswer> | null;
      if (stored && isAnswer(stored.answer) && typeof stored.at === 'string') {
        this.answers.set(key, { answer: stored.answer, at: stored.at });
      }
    }
  }

  private save(): void {
    try {
      this.storage?.setItem(answersStorageKey, JSON.stringify(Object.fromEntries(this.answers)));
    } catch {
      // quota or disabled storage: the answer still applies to this run
    }
  }

  get(supplierKey: string, name: string): SupplierAnswer | undefined {
    return this.answers.get(answerKey(supplierKey, name))?.answer;
  }

  set(supplierKey: string, name: string, answer: SupplierAnswer): void {
    const clean: SupplierAnswer =
      answer.kind === 'postal_code'
        ? { kind: 'postal_code', postalCode: answer.postalCode.trim().toUpperCase() }
        : answer.kind === 'country'
          ? { kind: 'country', country: answer.country.trim() }
          : answer;
    if (!isAnswer(clean)) throw new RangeError('Réponse invalide : code postal ou pays attendu.');
    this.answers.set(answerKey(supplierKey, name), { answer: clean, at: this.now().toISOString() });
    this.save();
  }

  delete(supplierKey: string, name: string): void {
    if (this.answers.delete(answerKey(supplierKey, name))) this.save();
  }

  clear(): void {
    this.answers.clear();
    try {
      this.storage?.removeItem(answersStorageKey);
    } catch {
      // nothing to do
    }
  }

  get size(): number {
    return this.answers.size;
  }
}

/** The browser's localStorage when usable, else null (answers then last one visit). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
