// Runs one read in a fresh Web Worker and exposes its progress, result or error.
// Cancelling terminates the worker at once (the file is never held by the page).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PurchaseSettings } from '../../../core/purchases/index.ts';
import type { MappingOverride } from '../../../core/suppliers/index.ts';
import type { FromWorker, ReadDone, ReadProgress, ReadRequest, ReadSource } from './worker-protocol.ts';

export type ReadState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; progress: ReadProgress | null }
  | { phase: 'done'; done: ReadDone; source: ReadSource }
  | { phase: 'error'; fileName: string; message: string; source: ReadSource; headers?: string[] }
  | { phase: 'cancelled'; fileName: string };

/** `onDone` runs once per read file, from the worker's message (not from an effect). */
export function useFileReaderWorker(onDone?: (done: ReadDone) => void) {
  const [state, setState] = useState<ReadState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback(
    (
      source: ReadSource,
      options: { settings?: Partial<PurchaseSettings>; mapping?: MappingOverride } = {},
    ) => {
      stop();
      const fileName = source.kind === 'file' ? source.file.name : source.name;
      const w = new Worker(new URL('./ibal-worker.ts', import.meta.url), {
        type: 'module',
        name: 'lecture-fec',
      });
      worker.current = w;
      setState({ phase: 'reading', fileName, progress: null });
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        if (worker.current !== w) return;
        const m = event.data;
        if (m.type === 'progress') setState({ phase: 'reading', fileName, progress: m });
        else if (m.type === 'done') {
          setState({ phase: 'done', done: m, source });
          stop();
          onDoneRef.current?.(m);
        } else {
          setState({
            phase: 'error',
            fileName,
            message: m.message,
            source,
            ...(m.headers ? { headers: m.headers } : {}),
          });
          stop();
        }
      };
      w.onerror = (event) => {
        if (worker.current !== w) return;
        event.preventDefault();
        setState({
          phase: 'error',
          fileName,
          source,
          message: `La lecture s'est arrêtée sur une erreur inattendue${event.message ? ` (${event.message})` : ''}. Rechargez la page et réessayez ; si cela persiste, signalez-le avec le nom du logiciel comptable qui a produit le fichier.`,
        });
        stop();
      };
      const request: ReadRequest = { type: 'read', source, ...options };
      w.postMessage(request);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    setState((s) => (s.phase === 'reading' ? { phase: 'cancelled', fileName: s.fileName } : s));
  }, [stop]);

  const reset = useCallback(() => {
    stop();
    setState({ phase: 'idle' });
  }, [stop]);

  return { state, start, cancel, reset };
}
