// Loads one API resource for a component, cancelling the previous request when the path changes.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { getJson, isAbort } from '../../api-client.ts';

export type Loaded<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: T | null; error: string };

interface Settled<T> {
  path: string | null;
  data: T | null;
  error: string | null;
}

/** `path` null: nothing to load. The previous data stays visible while the next loads. */
export function useApi<T>(path: string | null, schema: z.ZodType<T>): Loaded<T> {
  const [settled, setSettled] = useState<Settled<T>>({ path: null, data: null, error: null });
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    getJson(path, { schema, signal: controller.signal }).then(
      (data) => setSettled({ path, data, error: null }),
      (err: unknown) => {
        if (isAbort(err)) return;
        setSettled((s) => ({ path, data: s.data, error: err instanceof Error ? err.message : String(err) }));
      },
    );
    return () => controller.abort();
  }, [path, schema]);
  if (settled.path !== path || path === null) return { status: 'loading', data: settled.data, error: null };
  if (settled.error !== null) return { status: 'error', data: settled.data, error: settled.error };
  return settled.data === null
    ? { status: 'loading', data: null, error: null }
    : { status: 'ok', data: settled.data, error: null };
}
