// What the reader found odd in the file: counts per kind, with the first examples (line,
// column, message). Never blocking: the figures are computed anyway.
import type { FecReadSummary } from '../../../core/fec/types.ts';
import type { PurchaseAnomaly } from '../../../core/purchases/index.ts';
import { integer } from '../../components/ibal/format.ts';

interface Example {
  line: number;
  column?: string;
  code: string;
  message: string;
}

const examplesPerKind = 3;

/** Counts per kind (the reader's uncapped counts, plus the purchase step's) and the first examples. */
export function groupAnomalies(fec: FecReadSummary | null, purchases: readonly PurchaseAnomaly[]) {
  const counts = new Map<string, number>(Object.entries(fec?.anomalyCounts ?? {}));
  for (const a of purchases) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
  const examples = new Map<string, Example[]>();
  for (const a of [...(fec?.anomalies ?? []), ...purchases]) {
    const list = examples.get(a.code) ?? [];
    if (list.length < examplesPerKind) list.push(a);
    examples.set(a.code, list);
    if (!counts.has(a.code)) counts.set(a.code, 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => ({ code, count, examples: examples.get(code) ?? [] }));
}

export function AnomaliesSummary({
  fec,
  purchases,
}: {
  fec: FecReadSummary | null;
  purchases: PurchaseAnomaly[];
}) {
  const groups = groupAnomalies(fec, purchases);
  const total = groups.reduce((s, g) => s + g.count, 0);
  return (
    <section aria-labelledby="anomalies-titre" className="panel">
      <h2 id="anomalies-titre">Points relevés dans le fichier</h2>
      {fec ? (
        <p>
          {integer(fec.lineCount)} lignes lues, encodage {fec.encoding.toUpperCase()}, séparateur{' '}
          {fec.separator === '\t' ? 'tabulation' : `« ${fec.separator} »`}, montants en{' '}
          {fec.amountLayout === 'montant-sens' ? 'Montant + Sens' : 'Débit / Crédit'}
          {fec.period ? `, écritures du ${frDate(fec.period.from)} au ${frDate(fec.period.to)}` : ''}.
        </p>
      ) : null}
      {total === 0 ? (
        <p>Aucune anomalie : le fichier est conforme à ce qu'attend la lecture.</p>
      ) : (
        <>
          <p>
            {integer(total)} {total > 1 ? 'points relevés' : 'point relevé'}. Ils n'empêchent pas le calcul ;
            les lignes concernées sont lues au mieux. Corrigez-les dans votre logiciel comptable si les
            montants vous semblent faux.
          </p>
          <ul className="anomaly-groups">
            {groups.map((g) => (
              <li key={g.code}>
                <details>
                  <summary>
                    <strong>{integer(g.count)}</strong> × {g.examples[0]?.message.split(/[.:]/)[0] ?? g.code}{' '}
                    <span className="muted">({g.code})</span>
                  </summary>
                  <ul>
                    {g.examples.map((e, i) => (
                      <li key={i}>
                        {e.line > 0 ? `Ligne ${integer(e.line)}` : 'Fichier'}
                        {e.column ? `, colonne ${e.column}` : ''} : {e.message}
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function frDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}
