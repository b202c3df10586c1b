// Asks the server "where are these suppliers?" in bounded batches (two in flight), with
// progress. The queries come from core/suppliers' supplierQuery: key, name, SIRET/SIREN,
// postal code, country — never an amount, a category or a label of an entry.
import {
  resolveResponseSchema,
  type ResolvedSupplier,
  type SupplierToResolve,
} from '../../../api/suppliers.ts';
import { resolveBatches, RESOLVE_BATCH_SIZE } from '../../../core/suppliers/index.ts';

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
  const size = Math.min(options.batchSize ?? RESOLVE_BATCH_SIZE, RESOLVE_BATCH_SIZE);
  const doFetch = options.fetch ?? fetch;
  const url = options.url ?? '/api/v1/suppliers/resolve';
  const batches = resolveBatches(queries, size);
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
          'Le service de localisation des fournisseurs ne répond pas. Vérifiez votre connexion puis relancez la localisation ; vos réponses déjà saisies sont conservées.',
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
        throw new ResolveError(
          'Le service de localisation a renvoyé une réponse inattendue. Réessayez plus tard.',
        );
      }
      for (const r of parsed.data.results) results.set(r.key, r);
      done += batch.length;
      options.onProgress?.({ done, total: queries.length });
    }
  }

  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 2, batches.length) }, worker));
  return results;
}
