// « Mesurer mon IBAL »: drop a FEC (or a supplier list) → read in a Web Worker → anomalies →
// suppliers located by the directory (names, identifiers and postal codes only) → the ones
// left, fixable in place → the index, its breakdowns and exports. The file never leaves
// the browser; the figures come from the same core as the CLI.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ResolvedSupplier } from '../../../api/suppliers.ts';
import { Page } from '../../components/page.tsx';
import { integer } from '../../components/ibal/format.ts';
import { listFieldLabels, listFields } from '../../../core/suppliers/index.ts';
import { AnomaliesSummary } from './anomalies-summary.tsx';
import { AnsweredSuppliers } from './answered-suppliers.tsx';
import { ColumnMappingForm } from './column-mapping.tsx';
import { AnswersStore, browserStorage, type SupplierAnswer } from './answers-store.ts';
import { DropZone } from './drop-zone.tsx';
import { IbalResultView } from './ibal-result.tsx';
import { MethodSection } from './method-section.tsx';
import { computeMeasure, resolveQueries } from './pipeline.ts';
import { ReadProgressPanel } from './read-progress.tsx';
import { ResolveError, resolveSuppliers, type ResolveProgress } from './resolve-client.ts';
import { UnlocatedSuppliers, type ToLocate } from './unlocated-suppliers.tsx';
import { useFileReaderWorker } from './use-file-reader-worker.ts';
import type { ReadDone } from './worker-protocol.ts';
import { usePostalLookup } from './use-postal-lookup.ts';
import './measure.css';

/** The locating step of one read file (`of`): a new file starts afresh. */
type LocateState =
  | { phase: 'idle' }
  | { phase: 'running'; of: ReadDone; progress: ResolveProgress }
  | { phase: 'done'; of: ReadDone; directory: ReadonlyMap<string, ResolvedSupplier> }
  | { phase: 'error'; of: ReadDone; message: string };

const noDirectory: ReadonlyMap<string, ResolvedSupplier> = new Map();

export function MeasurePage() {
  const store = useMemo(() => new AnswersStore(browserStorage()), []);
  const [answersVersion, setAnswersVersion] = useState(0);
  const [locateState, setLocate] = useState<LocateState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const lookup = usePostalLookup();

  const runResolve = useCallback(async (of: ReadDone) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const queries = resolveQueries(of.purchases);
    setLocate({ phase: 'running', of, progress: { done: 0, total: queries.length } });
    try {
      const directory =
        queries.length === 0
          ? noDirectory
          : await resolveSuppliers(queries, {
              signal: controller.signal,
              onProgress: (progress) => setLocate({ phase: 'running', of, progress }),
            });
      setLocate({ phase: 'done', of, directory });
    } catch (error) {
      if (controller.signal.aborted) return;
      setLocate({
        phase: 'error',
        of,
        message:
          error instanceof ResolveError ? error.message : `Localisation interrompue : ${String(error)}`,
      });
    }
  }, []);

  // Each file read is then located; leaving the page stops the requests.
  const reader = useFileReaderWorker((read) => void runResolve(read));
  const done = reader.state.phase === 'done' ? reader.state.done : null;
  const locate: LocateState =
    locateState.phase !== 'idle' && locateState.of === done ? locateState : { phase: 'idle' };
  useEffect(() => () => abort.current?.abort(), []);

  const directory = locate.phase === 'done' ? locate.directory : noDirectory;
  const measure = useMemo(
    () =>
      done && (locate.phase === 'done' || locate.phase === 'error')
        ? computeMeasure(done.purchases, directory, store, lookup)
        : null,
    // answersVersion: the store is mutable, a new answer bumps it
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [done, directory, locate.phase, store, answersVersion, lookup],
  );

  const onAnswer = (item: ToLocate, answer: SupplierAnswer) => {
    store.set(item.key, item.name, answer);
    setAnswersVersion((v) => v + 1);
  };
  const onAnswers = (answers: { item: ToLocate; answer: SupplierAnswer }[]) => {
    for (const { item, answer } of answers) store.set(item.key, item.name, answer);
    setAnswersVersion((v) => v + 1);
  };
  const onForget = (item: { key: string; name: string }) => {
    store.delete(item.key, item.name);
    setAnswersVersion((v) => v + 1);
  };
  const onForgetAll = () => {
    store.clear();
    setAnswersVersion((v) => v + 1);
  };

  const busy = reader.state.phase === 'reading';
  return (
    <Page
      title="Mesurer mon indice breton de l'achat local"
      lead="L'indice répartit vos achats entre la Bretagne, le reste de la France, le reste de l'Union européenne et le hors Union européenne, selon la localisation de chaque fournisseur."
    >
      <section aria-labelledby="votre-fichier" className="panel no-print">
        <h2 id="votre-fichier">Votre fichier</h2>
        <p className="privacy">
          <strong>Votre fichier est lu dans votre navigateur et n'est pas envoyé.</strong> Seuls les noms,
          identifiants (SIRET, SIREN) et codes postaux des fournisseurs sont transmis pour les localiser —
          jamais les montants.
        </p>
        <DropZone disabled={busy} onFile={(file) => reader.start({ kind: 'file', file })} />
        <p>
          Pas de fichier sous la main ?{' '}
          <a
            href="/api/v1/demo/fec"
            onClick={(e) => {
              e.preventDefault();
              if (!busy) reader.start({ kind: 'url', url: '/api/v1/demo/fec', name: 'FEC de démonstration' });
            }}
          >
            Essayer avec le FEC de démonstration
          </a>{' '}
          (une conserverie fictive de Douarnenez) ou{' '}
          <a
            href="/api/v1/demo/supplier-list"
            onClick={(e) => {
              e.preventDefault();
              if (!busy)
                reader.start({
                  kind: 'url',
                  url: '/api/v1/demo/supplier-list',
                  name: 'Liste de fournisseurs de démonstration',
                });
            }}
          >
            avec une liste de fournisseurs de démonstration
          </a>
          .
        </p>
      </section>

      {reader.state.phase === 'reading' ? (
        <ReadProgressPanel
          fileName={reader.state.fileName}
          progress={reader.state.progress}
          onCancel={reader.cancel}
        />
      ) : null}
      {reader.state.phase === 'cancelled' ? (
        <p role="status" className="panel">
          Lecture de « {reader.state.fileName} » annulée. Choisissez un fichier pour recommencer.
        </p>
      ) : null}
      {reader.state.phase === 'error' ? (
        <div className="panel error-panel">
          <div role="alert">
            <h2>Le fichier « {reader.state.fileName} » n'a pas pu être lu</h2>
            <p>{reader.state.message}</p>
          </div>
          {reader.state.headers ? (
            <ColumnMappingForm
              headers={reader.state.headers}
              current={null}
              onSubmit={(mapping) =>
                reader.state.phase === 'error' && reader.start(reader.state.source, { mapping })
              }
            />
          ) : null}
        </div>
      ) : null}

      {done ? (
        <>
          <p role="status" className="read-done no-print">
            « {done.fileName} » lu : {integer(done.fec?.lineCount ?? done.purchases.linesRead)} lignes en{' '}
            {(done.elapsedMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s,{' '}
            {integer(done.purchases.suppliers.length)} fournisseurs.
          </p>
          {done.list && reader.state.phase === 'done' ? (
            <details className="panel no-print">
              <summary>
                Liste de fournisseurs lue avec les colonnes{' '}
                {listFields
                  .filter((f) => done.list?.mapping[f] !== null)
                  .map(
                    (f) =>
                      `${listFieldLabels[f]} = « ${done.list?.headers[done.list.mapping[f] ?? 0] ?? ''} »`,
                  )
                  .join(', ')}
                . Modifier…
              </summary>
              <ColumnMappingForm
                headers={done.list.headers}
                current={done.list.mapping}
                onSubmit={(mapping) =>
                  reader.state.phase === 'done' && reader.start(reader.state.source, { mapping })
                }
              />
            </details>
          ) : null}
          <AnomaliesSummary fec={done.fec} purchases={done.purchases.anomalies} />
          <LocateStatus state={locate} onRetry={() => void runResolve(done)} />
          {measure ? (
            <>
              <UnlocatedSuppliers
                items={measure.toLocate}
                onAnswer={onAnswer}
                onAnswers={onAnswers}
                onForget={onForget}
              />
              <AnsweredSuppliers
                rows={measure.result.bySupplier}
                onForget={onForget}
                onForgetAll={onForgetAll}
              />
              <IbalResultView
                result={measure.result}
                badge={measure.badge}
                unattributed={done.purchases.unattributed}
              />
            </>
          ) : null}
        </>
      ) : null}

      <MethodSection
        method={measure?.result.method ?? null}
        accounts={done?.purchases.settings.accounts ?? null}
      />
    </Page>
  );
}

function LocateStatus({ state, onRetry }: { state: LocateState; onRetry: () => void }) {
  if (state.phase === 'running') {
    const { done, total } = state.progress;
    return (
      <section aria-labelledby="localisation" className="panel no-print">
        <h2 id="localisation">Localisation des fournisseurs</h2>
        <progress max={total} value={done} aria-label="Avancement de la localisation" />
        <p role="status" aria-live="polite">
          {integer(done)} sur {integer(total)} fournisseurs interrogés dans l'annuaire…
        </p>
      </section>
    );
  }
  if (state.phase === 'error') {
    return (
      <div role="alert" className="panel error-panel">
        <p>{state.message}</p>
        <button type="button" onClick={onRetry}>
          Relancer la localisation
        </button>
      </div>
    );
  }
  return null;
}
