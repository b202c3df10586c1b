// Asks the server "where are these suppliers?" in bounded batches. What leaves the
// browser is built field by field here: key, name, SIRET/SIREN, postal code, country —
// never an amount, a category or a label of an entry.
import {
  resolveMaxSuppliers,
  resolveResponseSchema,
  type ResolvedSupplier,
  type SupplierToResolve,
} from '../../../api/suppliers.ts';
import type { SupplierSpend } from '../../../core/purchases/index.ts';

/** What may be sent for one supplier: a closed list of fields. */
export function toResolveQuery(s: Pick<SupplierSpend, 'key' | 'name' | 'identifiers'>): SupplierToResolve {
  const q: SupplierToResolve = { key: s.key.slice(0, 200) };
  const name = s.name.trim().slice(0, 300);
  if (name) q.name = name;
  const siret = s.identifiers.siret[0];
  const siren = s.identifiers.siren[0];
  const postalCode = s.identifiers.postalCodes[0];
  const country = s.identifiers.countries[0];
  if (siret) q.siret = siret.slice(0, 30);
  if (siren) q.siren = siren.slice(0, 30);
  if (postalCode) q.postalCode = postalCode.slice(0, 20);
  if (country) q.country = country.slice(0, 60);
  return q;
}

export interface ResolveProgress {
  done: number;
  total: number;
}

export interface ResolveOptions {
  batchSize?: number;
  /** Batches in flight at once (2: polite to a shared server, fast enough). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: ResolveProgress) => void;
  fetch?: typeof fetch;
  url?: string;
}

export class ResolveError extends Error {}

/** Resolves every query; the answers come back keyed by the query's key. */
export async function resolveSuppliers(
  queries: readonly SupplierToResolve[],
  options: ResolveOptions = {},
): Promise<Map<string, ResolvedSupplier>> {
  const size = Math.min(options.batchSize ?? resolveMaxSuppliers, resolveMaxSuppliers);
  const doFetch = options.fetch ?? fetch;
  const url = options.url ?? '/api/v1/suppliers/resolve';
  const batches: SupplierToResolve[][] = [];
  for (let i = 0; i < queries.length; i += size) batches.push(queries.slice(i, i + size));
  const results = new Map<string, ResolvedSupplier>();
  let done = 0;
  options.onProgress?.({ done, total: queries.length });
  let next = 0;

  async function worker(): Promise<void> {
    while (next < batches.length) {
      const batch = batches[next++];
      if (!batch) return;
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ suppliers: batch }),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        throw new ResolveError(
          "Le service de localisation des fournisseurs ne répond pas. Vérifiez votre connexion puis relancez la localisation ; vos réponses déjà saisies sont conservées.",
        );
      }
      if (!response.ok) {
        let detail = '';
        try {
          detail = ((await response.json()) as { error?: { message?: string } }).error?.message ?? '';
        } catch {
          // not JSON
        }
        throw new ResolveError(
          `La localisation des fournisseurs a échoué (erreur ${response.status})${detail ? ` : ${detail}` : ''}. Réessayez dans un instant.`,
        );
      }
      const parsed = resolveResponseSchema.safeParse(await response.json());
      if (!parsed.success) {
        throw new ResolveError('Le service de localisation a renvoyé une réponse inattendue. Réessayez plus tard.');
      }
      for (const r of parsed.data.results) results.set(r.key, r);
      done += batch.length;
      options.onProgress?.({ done, total: queries.length });
    }
  }

  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 2, batches.length) }, worker));
  return results;
}
