import { describe, expect, it } from 'vitest';
import { AnswersStore, answerKey, answersStorageKey, type KeyValueStorage } from './answers-store.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const fixedNow = () => new Date('2026-11-26T10:00:00Z');

describe('answers about suppliers remembered in the browser', () => {
  it('remembers a postal code given for a supplier and finds it again on the next visit', () => {
    const storage = memoryStorage();
    new AnswersStore(storage, fixedNow).set('401KERLEAU', 'Kerléau Métallerie', {
      kind: 'postal-code',
      postalCode: ' 29200 ',
    });
    const nextVisit = new AnswersStore(storage, fixedNow);
    expect(nextVisit.get('401KERLEAU', 'KERLEAU METALLERIE')).toEqual({
      kind: 'postal-code',
      postalCode: '29200',
    });
    expect(JSON.parse(storage.data.get(answersStorageKey) ?? '{}')['401KERLEAU|KERLEAU METALLERIE'].at).toBe(
      '2026-11-26T10:00:00.000Z',
    );
  });

  it('does not give the answer to another supplier that reuses the same account key', () => {
    const store = new AnswersStore(memoryStorage(), fixedNow);
    store.set('401000', 'Müller GmbH', { kind: 'country', country: 'DE' });
    expect(store.get('401000', 'Muller GmbH')).toEqual({ kind: 'country', country: 'DE' });
    expect(store.get('401000', 'Transports Le Bihan')).toBeUndefined();
  });

  it('matches names whatever the case, accents and punctuation', () => {
    expect(answerKey('F12', "L'Atelier  du Bois-Joli")).toBe(answerKey('F12', 'L ATELIER DU BOIS JOLI'));
  });

  it('keeps "ignorer" and can forget an answer', () => {
    const storage = memoryStorage();
    const store = new AnswersStore(storage, fixedNow);
    store.set('F1', 'Frais divers', { kind: 'ignore' });
    expect(new AnswersStore(storage).get('F1', 'Frais divers')).toEqual({ kind: 'ignore' });
    store.delete('F1', 'Frais divers');
    expect(new AnswersStore(storage).get('F1', 'Frais divers')).toBeUndefined();
  });

  it('refuses an empty postal code instead of storing it', () => {
    const store = new AnswersStore(memoryStorage());
    expect(() => store.set('F1', 'X', { kind: 'postal-code', postalCode: ' ' })).toThrow(
      /code postal ou pays/,
    );
    expect(store.size).toBe(0);
  });

  it('survives damaged or foreign content in storage and a storage that refuses writes', () => {
    const damaged = memoryStorage({ [answersStorageKey]: '{not json' });
    expect(new AnswersStore(damaged).size).toBe(0);
    const tampered = memoryStorage({
      [answersStorageKey]: JSON.stringify({
        'a|A': { answer: { kind: 'postal-code', postalCode: '<script>' }, at: 'x' },
        'b|B': { answer: { kind: 'ignore' }, at: '2026-01-01' },
      }),
    });
    const store = new AnswersStore(tampered);
    expect(store.size).toBe(1);
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const s = new AnswersStore(full);
    s.set('F2', 'Y', { kind: 'country', country: 'ES' });
    expect(s.get('F2', 'Y')).toEqual({ kind: 'country', country: 'ES' });
  });
});

describe('answers handed to the locating step', () => {
  it('gives, per supplier key of this file, the answers remembered for that supplier', () => {
    const store = new AnswersStore(memoryStorage());
    store.set('aux:F001', 'Breizh Cartons', { kind: 'postal-code', postalCode: '35000' });
    store.set('aux:F002', 'Shenzhen Parts Co., Ltd', { kind: 'country', country: 'CN' });
    store.set('label:frais bancaires', 'FRAIS BANCAIRES', { kind: 'zone', zone: 'france' });
    const answers = store.answersFor([
      { key: 'aux:F001', name: 'BREIZH CARTONS' },
      { key: 'aux:F002', name: 'Another name' },
      { key: 'label:frais bancaires', name: 'Frais bancaires' },
    ]);
    expect([...answers]).toEqual([
      ['aux:F001', { kind: 'postal-code', postalCode: '35000' }],
      ['label:frais bancaires', { kind: 'zone', zone: 'france' }],
    ]);
  });

  it('refuses a zone that is not one of the four', () => {
    const store = new AnswersStore(memoryStorage());
    expect(() => store.set('a', 'A', { kind: 'zone', zone: 'mars' as 'world' })).toThrow(RangeError);
  });

  it('keeps the establishment chosen among namesakes, and refuses one whose SIRET is not 14 digits', () => {
    const store = new AnswersStore(memoryStorage());
    const chosen = {
      kind: 'zone',
      zone: 'france',
      department: '95',
      establishment: { siret: '98765432100027', communeCode: '95487', communeName: 'Persan' },
    } as const;
    store.set('aux:T', 'TRANSPORTS LOIRE', chosen);
    expect(store.get('aux:T', 'TRANSPORTS LOIRE')).toEqual(chosen);
    expect(() =>
      store.set('aux:U', 'U', { kind: 'zone', zone: 'france', establishment: { siret: '123' } }),
    ).toThrow(RangeError);
  });
});
