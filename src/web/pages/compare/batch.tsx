// Batch screening: a CSV of many references → a ranked table "lesquelles regarder en premier",
// computed in the Web Worker with the core's screening, downloadable as a formula-safe CSV.
import { useEffect, useId, useRef, useState } from 'react';
import type { BatchResult } from '../../../core/tco/index.ts';
import { toCsv } from '../measure/csv-export.ts';
import { eurUnit, eurYearCents, pct } from './format.ts';
import type { WorkerAnswer, WorkerRequest } from './tco-worker.ts';
import { download } from './download.ts';

export const batchExample = [
  'reference;volume;masse_kg;prix_lointain;devise;port;prix_local',
  'Boîtier alu BX-12;10000;0,45;4,60;USD;CNSZX;5,40',
  'Faisceau câblé FC-3;2500;1,2;18,00;USD;CNSHA;21,50',
  'Palier fonte P-40;800;6,5;32,00;EUR;INNSA;41,00',
  'Étiquette tissée E-7;200000;0,002;0,031;USD;VNSGN;0,055',
].join('\r\n');

/** The ranked table as a CSV for a spreadsheet (text cells protected against formulas). */
export function batchCsv(result: BatchResult): string {
  const rows = [...result.rows].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return toCsv(
    [
      'Rang',
      'Référence',
      'Ligne du fichier',
      'Coût complet lointain (€/u)',
      'Coût complet local (€/u)',
      'Écart de coût complet par an (€)',
      'Probabilité que le local soit moins cher',
      'Prix local d’équilibre (€/u)',
      'Erreur',
    ],
    rows.map((r) => [
      r.rank === undefined ? null : { number: r.rank, digits: 0 },
      r.reference,
      { number: r.line, digits: 0 },
      r.farTcoPerUnit === undefined ? null : { number: r.farTcoPerUnit, digits: 4 },
      r.localTcoPerUnit === undefined ? null : { number: r.localTcoPerUnit, digits: 4 },
      r.tcoGapPerYearCents === undefined ? null : { cents: r.tcoGapPerYearCents },
      r.pLocalCheaper === undefined ? null : { number: r.pLocalCheaper, digits: 3 },
      r.breakEvenLocalPrice === undefined || r.breakEvenLocalPrice === null
        ? null
        : { number: r.breakEvenLocalPrice, digits: 4 },
      r.error ?? null,
    ]),
  );
}

export function BatchScreening() {
  const id = useId();
  const [result, setResult] = useState<BatchResult | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  function screen(csv: string, fileName: string) {
    setBusy(true);
    setStatus(`Calcul de « ${fileName} » en cours…`);
    worker.current ??= new Worker(new URL('./tco-worker.ts', import.meta.url), { type: 'module' });
    worker.current.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      if (event.data.kind !== 'batch') return;
      const r = event.data.result;
      setResult(r);
      setBusy(false);
      const ok = r.rows.filter((x) => x.ok).length;
      setStatus(
        `${ok} référence${ok > 1 ? 's' : ''} classée${ok > 1 ? 's' : ''}${r.problems.length ? `, ${r.problems.length} ligne(s) à corriger` : ''}.`,
      );
    };
    const req: WorkerRequest = { kind: 'batch', id: Date.now(), csv };
    worker.current.postMessage(req);
  }

  const ranked = result ? [...result.rows].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)) : [];

  return (
    <section aria-labelledby={`${id}-h`} className="batch">
      <h2 id={`${id}-h`}>Trier plusieurs références d’un coup</h2>
      <p>
        Déposez un fichier CSV (séparateur point-virgule, virgule décimale acceptée) avec une ligne par
        référence et les colonnes <code>reference</code>, <code>volume</code>, <code>masse_kg</code>,{' '}
        <code>prix_lointain</code>, <code>devise</code>, <code>port</code> (code de port, par exemple CNSZX)
        et <code>prix_local</code>. Chaque ligne est calculée avec les hypothèses du mode rapide ; le fichier
        ne quitte pas votre ordinateur.
      </p>
      <div className="actions">
        <label htmlFor={`${id}-file`} className="file-label">
          Fichier CSV des références
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) screen(await file.text(), file.name);
          }}
        />
        <button
          type="button"
          className="secondary"
          onClick={() => screen(batchExample, 'exemple')}
          disabled={busy}
        >
          Essayer avec l’exemple
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            download('modele-references.csv', new Blob([`\uFEFF${batchExample}\r\n`], { type: 'text/csv' }))
          }
        >
          Télécharger le modèle CSV
        </button>
      </div>
      <p role="status" aria-live="polite" className="status">
        {status}
      </p>
      {result ? (
        <>
          {result.problems.length > 0 ? (
            <ul className="error">
              {result.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          ) : null}
          <table>
            <caption>Lesquelles regarder en premier — {result.rankedBy}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rang
                </th>
                <th scope="col">Référence</th>
                <th scope="col" className="num">
                  Coût complet lointain
                </th>
                <th scope="col" className="num">
                  Coût complet local
                </th>
                <th scope="col" className="num">
                  Gain local par an
                </th>
                <th scope="col" className="num">
                  Local moins cher
                </th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((r) => (
                <tr key={`${r.line}-${r.reference}`}>
                  <td className="num">{r.rank ?? '—'}</td>
                  <th scope="row">
                    {r.reference}
                    {r.error ? <span className="error"> — {r.error}</span> : null}
                  </th>
                  <td className="num">{r.farTcoPerUnit === undefined ? '—' : eurUnit(r.farTcoPerUnit)}</td>
                  <td className="num">
                    {r.localTcoPerUnit === undefined ? '—' : eurUnit(r.localTcoPerUnit)}
                  </td>
                  <td className="num">
                    {r.tcoGapPerYearCents === undefined ? '—' : eurYearCents(r.tcoGapPerYearCents)}
                  </td>
                  <td className="num">{r.pLocalCheaper === undefined ? '—' : pct(r.pLocalCheaper)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              download(
                `tri-references-${new Date().toISOString().slice(0, 10)}.csv`,
                new Blob([batchCsv(result)], { type: 'text/csv;charset=utf-8' }),
              )
            }
          >
            Télécharger le classement (CSV)
          </button>
        </>
      ) : null}
    </section>
  );
}
