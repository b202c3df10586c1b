// The result of the measure: the badge (or why it is refused), the three cumulative
// percentages with the coverage beside them, the four-zone bar, Loire-Atlantique apart,
// categories × zones, top suppliers per zone, unattributed purchases, and the exports.
// Every figure comes from core/ibal's IbalResult: nothing is recomputed here.
import { useState } from 'react';
import {
  formatCoverage,
  type IbalResult,
  type IbalSupplierRow,
  type IbalZone,
} from '../../../core/ibal/index.ts';
import type { UnattributedGroup } from '../../../core/purchases/index.ts';
import { CategoryZoneChart } from '../../components/ibal/category-zone-chart.tsx';
import { euros, integer, percent, shareText } from '../../components/ibal/format.ts';
import { ZoneBar } from '../../components/ibal/zone-bar.tsx';
import { zoneLabels } from '../../components/ibal/zones.ts';
import { frDate } from './anomalies-summary.tsx';
import { download, exportFileName, methodLabel, supplierTableCsv, svgDataUrl, svgToPng } from './exports.ts';

export interface Badge {
  svg: string;
  /** The badge's accessible text (also its alt). */
  text: string;
}

const topPerZone = 5;

export function IbalResultView({
  result,
  badge,
  unattributed,
}: {
  result: IbalResult;
  badge: Badge | null;
  unattributed: UnattributedGroup[];
}) {
  const [exportError, setExportError] = useState<string | null>(null);
  const periodText = result.period ? `du ${frDate(result.period.from)} au ${frDate(result.period.to)}` : '';
  return (
    <section aria-labelledby="resultat" className="result">
      <h2 id="resultat">Votre indice breton de l'achat local{result.year ? ` ${result.year}` : ''}</h2>
      <p>
        Achats pris en compte {periodText} : <strong>{euros(result.totalCents)}</strong> HT
        {result.ignoredCents > 0 ? `, hors ${euros(result.ignoredCents)} écartés à votre demande` : ''}.{' '}
        <a href="#comment-est-ce-calcule">Comment est-ce calculé ?</a>
      </p>

      <div className="result-head">
        <dl className="ibal-figures" aria-label="Indice breton de l'achat local">
          <div>
            <dt>Bretagne</dt>
            <dd data-testid="ibal-bretagne">{percent(result.index.bretagne)}</dd>
          </div>
          <div>
            <dt>France (Bretagne comprise)</dt>
            <dd data-testid="ibal-france">{percent(result.index.france)}</dd>
          </div>
          <div>
            <dt>Europe (France comprise)</dt>
            <dd data-testid="ibal-europe">{percent(result.index.europe)}</dd>
          </div>
          <div className="coverage">
            <dt>Couverture (part des achats localisés)</dt>
            <dd data-testid="ibal-coverage">{formatCoverage(result.coverage)}</dd>
          </div>
        </dl>
        <div className="badge-box">
          {badge ? (
            <img
              src={svgDataUrl(badge.svg)}
              alt={badge.text}
              className="ibal-badge"
              data-testid="ibal-badge"
            />
          ) : (
            <p className="badge-refused" role="note">
              <strong>Badge non délivré.</strong> {result.badge.reason}
            </p>
          )}
        </div>
      </div>
      <p className="muted">
        Les pourcentages sont cumulés et calculés sur les achats localisés ({euros(result.locatedCents)}). La
        couverture dit quelle part de vos achats a pu être localisée : un indice sur une faible couverture est
        peu fiable.
      </p>

      <h3>Répartition par zone</h3>
      <ZoneBar zones={result.zones} title="Répartition des achats par zone, non localisés compris" />
      <p className="info-44">
        <strong>Pour information, Loire-Atlantique :</strong> {euros(result.loireAtlantiqueCents)}
        {result.locatedCents > 0
          ? ` (${shareText(result.loireAtlantiqueCents, result.locatedCents)} des achats localisés)`
          : ''}
        . Ces achats comptent dans « reste de la France » : la Loire-Atlantique (44) fait partie des Pays de
        la Loire.
      </p>

      <h3>Par catégorie d'achat</h3>
      <CategoryZoneChart rows={result.byCategory} />

      <h3>Principaux fournisseurs par zone</h3>
      <TopSuppliers rows={result.bySupplier} />

      <UnattributedList groups={unattributed} rows={result.bySupplier} />

      <section aria-labelledby="exports" className="no-print">
        <h3 id="exports">Exporter</h3>
        <ul className="export-actions">
          <li>
            <button
              type="button"
              onClick={() =>
                download(supplierTableCsv(result), exportFileName('ibal-fournisseurs', 'csv', result))
              }
            >
              Tableau des fournisseurs (CSV)
            </button>
          </li>
          {badge ? (
            <>
              <li>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    download(badge.svg, exportFileName('badge-ibal', 'svg', result), 'image/svg+xml')
                  }
                >
                  Badge (SVG)
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    svgToPng(badge.svg)
                      .then((png) => download(png, exportFileName('badge-ibal', 'png', result)))
                      .catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)))
                  }
                >
                  Badge (PNG)
                </button>
              </li>
            </>
          ) : null}
          <li>
            <button type="button" className="secondary" onClick={() => window.print()}>
              Imprimer le rapport
            </button>
          </li>
        </ul>
        {exportError ? (
          <p className="error" role="alert">
            {exportError}
          </p>
        ) : null}
      </section>
    </section>
  );
}

function TopSuppliers({ rows }: { rows: IbalSupplierRow[] }) {
  const zones: IbalZone[] = ['bretagne', 'france', 'europe', 'world'];
  return (
    <div className="top-suppliers">
      {zones.map((zone) => {
        const inZone = rows.filter((r) => r.zone === zone && r.status === 'located');
        const zoneTotal = inZone.reduce((s, r) => s + r.amountCents, 0);
        return (
          <table key={zone}>
            <caption>
              {zoneLabels[zone]} — {euros(zoneTotal)} ({integer(inZone.length)} fournisseurs)
            </caption>
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col" className="num">
                  Montant HT
                </th>
                <th scope="col">Localisé par</th>
              </tr>
            </thead>
            <tbody>
              {inZone.length === 0 ? (
                <tr>
                  <td colSpan={3}>Aucun fournisseur dans cette zone.</td>
                </tr>
              ) : (
                inZone.slice(0, topPerZone).map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      {r.name}
                      {r.department ? <span className="muted"> ({r.department})</span> : null}
                    </th>
                    <td className="num">{euros(r.amountCents)}</td>
                    <td title={r.evidence}>{methodLabel(r.method)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

function UnattributedList({ groups, rows }: { groups: UnattributedGroup[]; rows: IbalSupplierRow[] }) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const total = groups.reduce((s, g) => s + g.amountCents, 0);
  return (
    <section aria-labelledby="non-attribues">
      <h3 id="non-attribues">Achats non attribués à un fournisseur</h3>
      {groups.length === 0 ? (
        <p>Toutes les écritures d'achat portent une ligne fournisseur.</p>
      ) : (
        <>
          <p>
            {euros(total)} d'achats sont passés sans ligne fournisseur (souvent directement en banque). Ils
            sont regroupés par libellé ; vous pouvez les localiser comme un fournisseur dans la liste
            ci-dessus.
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Achats non attribués, par libellé</caption>
              <thead>
                <tr>
                  <th scope="col">Libellé</th>
                  <th scope="col" className="num">
                    Montant HT
                  </th>
                  <th scope="col" className="num">
                    Écritures
                  </th>
                  <th scope="col">Exemples (journal, pièce, ligne)</th>
                  <th scope="col">Zone</th>
                </tr>
              </thead>
              <tbody>
                {groups.slice(0, 20).map((g) => {
                  const row = byKey.get(g.key);
                  return (
                    <tr key={g.key}>
                      <th scope="row">{g.label}</th>
                      <td className="num">{euros(g.amountCents)}</td>
                      <td className="num">{integer(g.entryCount)}</td>
                      <td>
                        {g.samples
                          .slice(0, 2)
                          .map((s) => `${s.journalCode} ${s.pieceRef} (l. ${integer(s.line)})`)
                          .join(' ; ')}
                      </td>
                      <td>
                        {row?.zone
                          ? zoneLabels[row.zone]
                          : row?.status === 'ignored'
                            ? 'Ignoré'
                            : 'Non localisé'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {groups.length > 20 ? (
            <p className="muted">… et {integer(groups.length - 20)} autres libellés (voir l'export CSV).</p>
          ) : null}
        </>
      )}
    </section>
  );
}
