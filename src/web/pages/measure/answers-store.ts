// The user's answers for suppliers the directory could not locate ("this one is in
// 29200", "this one is German", "ignore it"), remembered in the browser for the next
// run. Keyed by the supplier key and its normalised name, so the same CompAuxNum
// reused for another supplier in another file does not inherit a wrong answer.
// Nothing here is sent anywhere.

import type { UserAnswer } from '../../../core/suppliers/index.ts';
import { ibalZones } from '../../../core/ibal/index.ts';

/** The answer shape of core/suppliers ('postal-code', 'country', 'zone', 'ignore'). */
export type SupplierAnswer = UserAnswer;

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

function isCountry(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 60 && !/[<>]/.test(value);
}

function isChosenEstablishment(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const optionalText = (x: unknown) => x === undefined || (typeof x === 'string' && x.length <= 100);
  return (
    typeof e.siret === 'string' &&
    /^[0-9]{14}$/.test(e.siret) &&
    (e.communeCode === undefined ||
      (typeof e.communeCode === 'string' && /^[0-9AB]{5}$/i.test(e.communeCode))) &&
    optionalText(e.communeName)
  );
}

function isAnswer(value: unknown): value is SupplierAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.kind === 'ignore') return true;
  if (v.kind === 'postal-code') {
    return (
      typeof v.postalCode === 'string' &&
      /^[0-9A-Z][0-9A-Z -]{1,9}$/i.test(v.postalCode) &&
      (v.country === undefined || isCountry(v.country))
    );
  }
  if (v.kind === 'country') return isCountry(v.country);
  if (v.kind === 'zone') {
    return (
      typeof v.zone === 'string' &&
      (ibalZones as readonly string[]).includes(v.zone) &&
      (v.department === undefined ||
        (typeof v.department === 'string' && /^[0-9AB]{2,3}$/i.test(v.department))) &&
      (v.establishment === undefined || isChosenEstablishment(v.establishment))
    );
  }
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
      answer.kind === 'postal-code'
        ? {
            kind: 'postal-code',
            postalCode: answer.postalCode.trim().toUpperCase(),
            ...(answer.country?.trim() ? { country: answer.country.trim() } : {}),
          }
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

  /** All answers by their store key, for core/suppliers (which keys them by supplier key). */
  answersFor(items: readonly { key: string; name: string }[]): Map<string, SupplierAnswer> {
    const out = new Map<string, SupplierAnswer>();
    for (const item of items) {
      const answer = this.get(item.key, item.name);
      if (answer) out.set(item.key, answer);
    }
    return out;
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
