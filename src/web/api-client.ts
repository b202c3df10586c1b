// A tiny typed wrapper around fetch for the platform's JSON API. Errors become ApiError with a
// French message: the API's own `{ error: { message } }` when it sends one, else a plain explanation.
import type { z } from 'zod';

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A query string from a record; arrays become repeated keys, empty values are left out. */
export function toQueryString(
  params: Record<string, string | number | boolean | string[] | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

function messageFor(status: number): string {
  if (status === 404) return 'Ressource introuvable : vérifiez l’adresse.';
  if (status === 429) return 'Trop de requêtes : patientez quelques secondes puis réessayez.';
  if (status >= 500) return 'Le serveur a rencontré une erreur. Réessayez dans un instant.';
  return `La requête a été refusée (code ${status}).`;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown; code?: unknown } };
    if (body?.error && typeof body.error.message === 'string')
      return new ApiError(body.error.message, res.status, String(body.error.code ?? 'error'));
  } catch {
    // Not JSON: fall back to a message from the status.
  }
  return new ApiError(messageFor(res.status), res.status, 'http_error');
}

/**
 * GET a JSON resource. With a schema the body is validated (a mismatch is reported, not cast).
 * An aborted request rethrows the AbortError so callers can ignore it.
 */
export async function getJson<T>(
  path: string,
  options: { schema?: z.ZodType<T>; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal: options.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Le serveur est injoignable : vérifiez votre connexion puis réessayez.', 0, 'network');
  }
  if (!res.ok) throw await errorFrom(res);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('Réponse du serveur illisible (JSON attendu).', res.status, 'bad_json');
  }
  if (!options.schema) return body as T;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      `Réponse du serveur inattendue (${parsed.error.issues[0]?.path.join('.') ?? '?'} : ${parsed.error.issues[0]?.message ?? ''}).`,
      res.status,
      'bad_response',
    );
  return parsed.data;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
