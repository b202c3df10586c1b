import { describe, expect, it } from 'vitest';
import type { SupplierSpend } from '../../../core/purchases/index.ts';
import { supplierQuery as toResolveQuery } from '../../../core/suppliers/index.ts';
import { ResolveError, resolveSuppliers } from './resolve-client.ts';

const noIds: SupplierSpend['identifiers'] = {
  siret: [],
  siren: [],
  postalCodes: [],
  towns: [],
  countries: [],
};

function spend(key: string, name: string, amountCents: number, identifiers = noIds): SupplierSpend {
  return {
    key,
    keySource: 'auxiliary',
    name,
    auxiliaryAccount: key,
    generalAccounts: ['401000'],
    identifiers,
    currencies: [],
    amountCents,
    byCategory: { '601': amountCents },
    entryCount: 3,
    sampleLabels: ['FACTURE 2025-118 BOBINES ACIER'],
  } as unknown as SupplierSpend;
}

function fakeServer() {
  const bodies: unknown[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { suppliers: { key: string }[] };
    bodies.push(body);
    const results = body.suppliers.map((s) => ({
      key: s.key,
      status: 'not_found',
      method: null,
      confidence: 0,
      establishment: null,
      zone: null,
      department: null,
      candidates: [],
      note: 'Aucun établissement trouvé.',
    }));
    return new Response(JSON.stringify({ results }), { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, bodies };
}

describe('locating suppliers through the server', () => {
  it('sends the name and identifiers of a supplier, never its amount, category or labels', () => {
    const q = toResolveQuery(
      spend('aux:F0042', 'ACIERIES DE BRETAGNE', 1_234_567, {
        ...noIds,
        siret: ['35600000000048'],
        postalCodes: ['29200'],
      }),
    );
    expect(q).toEqual({
      key: 'aux:F0042',
      name: 'ACIERIES DE BRETAGNE',
      siret: '35600000000048',
      postalCode: '29200',
    });
    expect(JSON.stringify(q)).not.toMatch(/1234567|601|BOBINES/);
  });

  it('asks in batches of at most 500 and reports progress until every supplier is answered', async () => {
    const server = fakeServer();
    const queries = Array.from({ length: 1_201 }, (_, i) =>
      toResolveQuery(spend(`aux:F${i}`, `Fournisseur ${i}`, 100)),
    );
    const progress: number[] = [];
    const answers = await resolveSuppliers(queries, {
      fetch: server.fetch,
      onProgress: (p) => progress.push(p.done),
    });
    expect(answers.size).toBe(1_201);
    expect(server.bodies.map((b) => (b as { suppliers: unknown[] }).suppliers.length).sort()).toEqual([
      201, 500, 500,
    ]);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1_201);
  });

  it('says in French what to do when the server refuses', async () => {
    const failing = (async () =>
      new Response(JSON.stringify({ error: { code: 'invalid_request', message: 'Requête invalide' } }), {
        status: 400,
      })) as unknown as typeof fetch;
    await expect(resolveSuppliers([{ key: 'a', name: 'A' }], { fetch: failing })).rejects.toThrow(
      /a échoué \(erreur 400\) : Requête invalide\. Réessayez/,
    );
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(resolveSuppliers([{ key: 'a' }], { fetch: offline })).rejects.toBeInstanceOf(ResolveError);
  });
});
