import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, getJson, toQueryString } from './api-client.ts';

function fakeFetch(response: () => Response | Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => response()),
  );
}
afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('getJson, the typed fetch of the web pages', () => {
  it('returns the validated body', async () => {
    fakeFetch(() => json(200, { total: 3 }));
    await expect(getJson('/api/v1/x', { schema: z.object({ total: z.number() }) })).resolves.toEqual({
      total: 3,
    });
  });

  it('shows the API’s own French message when the server refuses the request', async () => {
    fakeFetch(() =>
      json(400, {
        error: { code: 'invalid_request', message: 'Requête invalide : querystring.naf code NAF attendu' },
      }),
    );
    const err = await getJson('/api/v1/establishments?naf=zz').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: expect.stringContaining('code NAF'),
    });
  });

  it('explains an error page that is not JSON', async () => {
    fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(getJson('/api/v1/x')).rejects.toThrow(
      'Le serveur a rencontré une erreur. Réessayez dans un instant.',
    );
  });

  it('says the server is unreachable when the network fails', async () => {
    fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(getJson('/api/v1/x')).rejects.toThrow(/injoignable/);
  });

  it('reports a response that does not follow the contract instead of trusting it', async () => {
    fakeFetch(() => json(200, { total: 'trois' }));
    await expect(getJson('/api/v1/x', { schema: z.object({ total: z.number() }) })).rejects.toThrow(
      /Réponse du serveur inattendue \(total/,
    );
  });
});

describe('toQueryString', () => {
  it('repeats list keys and leaves out empty values', () => {
    expect(toQueryString({ q: 'forge', department: ['22', '29'], naf: '', page: 2, x: undefined })).toBe(
      '?q=forge&department=22&department=29&page=2',
    );
  });
});
