// The comparison's results: the verdict sentence, TCO per unit and per year, break-even,
// the input that flips the decision, uncertainty, regional value (beside, never added),
// the detailed lines with their explanations, and the charts.
import type { ExplainedLine, OfferResult, TcoResult } from '../../../core/tco/index.ts';
import { Chart } from '../../components/charts/chart.tsx';
import { cumulativeFor, distributionFor, tornadoFor, waterfallFor } from './charts-data.ts';
import { Disclosure, LineExplanation, WhyLine } from './explain.tsx';
import { eurUnit, eurYearCents, num, pct } from './format.ts';

export interface ResultsProps {
  result: TcoResult;
  verdict: string;
  /** True while the Monte Carlo of the latest inputs is still running. */
  simulating: boolean;
}

function lineIds(offers: OfferResult[], group: string): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const o of offers) {
    for (const l of o.lines) {
      if (l.group === group && !seen.has(l.id)) seen.set(l.id, l.label);
    }
  }
  return [...seen].map(([id, label]) => ({ id, label }));
}

const findLine = (o: OfferResult, id: string): ExplainedLine | undefined => o.lines.find((l) => l.id === id);

export function Results({ result, verdict, simulating }: ResultsProps) {
  const ref = result.offers.find((o) => o.offerId === result.referenceOfferId);
  const pair = result.comparisons[0];
  const other = result.offers.find((o) => o.offerId === pair?.otherOfferId);
  const u = result.uncertainty;
  const pPair = u?.pairs.find((p) => p.otherOfferId === pair?.otherOfferId);
  const flips = (pair?.flips ?? []).filter((f) => f.flipAt !== null);
  const firstFlip = flips[0];
  const tornado = tornadoFor(result);
  const distribution = distributionFor(result);
  const groups = result.offers[0]?.groups ?? [];

  return (
    <section aria-labelledby="resultats" className="results">
      <h2 id="resultats">Résultat</h2>
      <p className="verdict" data-testid="verdict">
        {verdict}
      </p>

      <ul className="cards offer-cards">
        {result.offers.map((o) => (
          <li key={o.offerId} className={`card offer-card offer-${o.role}`}>
            <h3>{o.name}</h3>
            <dl className="figures">
              <div>
                <dt>Prix d’achat</dt>
                <dd>{eurUnit(o.priceEurPerUnit)} / unité</dd>
              </div>
              <div>
                <dt>Coût complet par unité</dt>
                <dd data-testid={`tco-unit-${o.offerId}`}>
                  <strong>{eurUnit(o.tcoPerUnit)}</strong>
                </dd>
              </div>
              <div>
                <dt>Coût complet par an</dt>
                <dd data-testid={`tco-year-${o.offerId}`}>{eurYearCents(o.tcoPerYearCents)}</dd>
              </div>
              <div>
                <dt>Coûts au-delà du prix</dt>
                <dd>{pct(o.hiddenCostShare)}</dd>
              </div>
            </dl>
            <Disclosure label="Comment est-ce calculé ?" context={`coût complet, ${o.name}`}>
              <span className="explain">
                Coût complet par unité = somme des lignes comptées de six familles (coût rendu, stocks et
                trésorerie, qualité, risques, stratégique, carbone) :{' '}
                {o.groups.map((g) => `${g.label} ${eurUnit(g.perUnit)}`).join(' + ')} ={' '}
                {eurUnit(o.tcoPerUnit)}. Par an : × le volume annuel, arrondi au centime. Transport :{' '}
                {num(o.distances.mainKm, 0)} km ({o.distances.mainMode}), {o.distances.note}
              </span>
            </Disclosure>
          </li>
        ))}
      </ul>

      {pair && ref && other ? (
        <div className="key-figures">
          <div className="key-figure">
            <h3>Prix d’équilibre de l’offre {ref.name}</h3>
            {pair.breakEvenReferencePrice ? (
              <p data-testid="break-even">
                <strong>
                  {num(pair.breakEvenReferencePrice.price, pair.breakEvenReferencePrice.price >= 1 ? 2 : 4)}{' '}
                  {pair.breakEvenReferencePrice.currency}
                </strong>{' '}
                par unité : en dessous, l’offre {ref.name} coûte moins cher en coût complet que l’offre{' '}
                {other.name}.
              </p>
            ) : (
              <p data-testid="break-even">Aucun prix d’équilibre trouvé dans la plage étudiée.</p>
            )}
            <Disclosure label="Comment est-ce calculé ?" context="prix d’équilibre">
              <span className="explain">
                Le prix de l’offre {ref.name} est cherché{' '}
                {pair.breakEvenReferencePrice?.method === 'exact'
                  ? 'par calcul exact'
                  : 'par dichotomie, au centime près'}{' '}
                de sorte que les deux coûts complets soient égaux
                {pair.breakEvenReferencePrice
                  ? ` (${eurUnit(pair.breakEvenReferencePrice.referenceTcoCents / 100)} et ${eurUnit(pair.breakEvenReferencePrice.otherTcoCents / 100)} par unité)`
                  : ''}
                , toutes les autres données restant celles du scénario.
              </span>
            </Disclosure>
          </div>
          <div className="key-figure">
            <h3>Probabilité que l’offre {ref.name} soit moins chère</h3>
            {pPair && u ? (
              <p data-testid="p-local-cheaper">
                <strong>{pct(pPair.pReferenceCheaper)}</strong> sur {num(u.draws, 0)} tirages
              </p>
            ) : (
              <p data-testid="p-local-cheaper">
                {simulating
                  ? 'Simulation en cours…'
                  : 'Saisissez des fourchettes pour mesurer l’incertitude.'}
              </p>
            )}
            <Disclosure label="Comment est-ce calculé ?" context="probabilité">
              <span className="explain">
                Chaque donnée saisie en fourchette est tirée au hasard selon une loi triangulaire (basse,
                probable, haute) ; le modèle est recalculé pour chaque tirage, avec une graine fixe
                {u ? ` (${u.seed})` : ''} pour qu’un même scénario donne le même résultat. La probabilité est
                la part des tirages où l’offre {ref.name} a le coût complet le plus bas.
              </span>
            </Disclosure>
          </div>
          <div className="key-figure">
            <h3>Ce qui ferait basculer la décision</h3>
            {firstFlip ? (
              <p data-testid="flip">{firstFlip.message}</p>
            ) : (
              <p data-testid="flip">
                Aucune donnée seule ne fait basculer la décision dans des limites plausibles.
              </p>
            )}
            {flips.length > 1 ? (
              <Disclosure label="Autres seuils de bascule" context="liste">
                <span className="explain">
                  <ul>
                    {flips.slice(1, 8).map((f) => (
                      <li key={f.path}>{f.message}</li>
                    ))}
                  </ul>
                </span>
              </Disclosure>
            ) : null}
          </div>
        </div>
      ) : null}

      <h3>Incertitude</h3>
      {u ? (
        <table className="compact">
          <caption className="visually-hidden">Coût complet par unité : percentiles par offre</caption>
          <thead>
            <tr>
              <th scope="col">Offre</th>
              <th scope="col" className="num">
                P10
              </th>
              <th scope="col" className="num">
                P50 (médiane)
              </th>
              <th scope="col" className="num">
                P90
              </th>
            </tr>
          </thead>
          <tbody>
            {u.perOffer.map((p) => (
              <tr key={p.offerId}>
                <th scope="row">{result.offers.find((o) => o.offerId === p.offerId)?.name}</th>
                <td className="num">{eurUnit(p.tcoPerUnit.p10)}</td>
                <td className="num">{eurUnit(p.tcoPerUnit.p50)}</td>
                <td className="num">{eurUnit(p.tcoPerUnit.p90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          {simulating
            ? 'Simulation en cours…'
            : 'Aucune donnée n’est saisie en fourchette : le résultat est une valeur unique.'}
        </p>
      )}

      <div className="results-grid">
        <div>
          <h3>Détail par unité</h3>
          <div className="table-scroll">
            <table className="detail-table">
              <caption className="visually-hidden">
                Coût par unité, ligne par ligne, pour chaque offre
              </caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  {result.offers.map((o) => (
                    <th key={o.offerId} scope="col" className="num">
                      {o.name}
                    </th>
                  ))}
                </tr>
              </thead>
              {groups.map((g) => (
                <tbody key={g.group}>
                  <tr className="group-row">
                    <th scope="row">{g.label}</th>
                    {result.offers.map((o) => (
                      <td key={o.offerId} className="num">
                        <strong>{eurUnit(o.groups.find((x) => x.group === g.group)?.perUnit ?? 0)}</strong>
                      </td>
                    ))}
                  </tr>
                  {lineIds(result.offers, g.group)
                    .filter(({ id }) =>
                      result.offers.some((o) => Math.abs(findLine(o, id)?.perUnit ?? 0) >= 5e-5),
                    )
                    .map(({ id, label }) => (
                      <tr key={id}>
                        <th scope="row" className="line-label">
                          {label}
                        </th>
                        {result.offers.map((o) => {
                          const line = findLine(o, id);
                          return (
                            <td key={o.offerId} className="num">
                              {line ? (
                                <>
                                  <span className={line.counted ? undefined : 'not-counted'}>
                                    {eurUnit(line.perUnit)}
                                  </span>
                                  <WhyLine line={line} what={`${label}, ${o.name}`} />
                                </>
                              ) : (
                                '—'
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                </tbody>
              ))}
              <tbody>
                <tr className="total-row">
                  <th scope="row">Coût complet</th>
                  {result.offers.map((o) => (
                    <td key={o.offerId} className="num">
                      <strong>{eurUnit(o.tcoPerUnit)}</strong>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </div>

        <aside aria-labelledby="territoire" className="territory">
          <h3 id="territoire">Valeur pour le territoire</h3>
          <p className="muted">Montrée à côté du coût complet, jamais ajoutée à lui.</p>
          <table className="compact">
            <caption className="visually-hidden">Valeur pour le territoire par offre</caption>
            <thead>
              <tr>
                <th scope="col">Par an</th>
                {result.offers.map((o) => (
                  <th key={o.offerId} scope="col" className="num">
                    {o.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Reste en Bretagne</th>
                {result.offers.map((o) => (
                  <td key={o.offerId} className="num">
                    {eurYearCents(o.regional.bretagnePerYearCents)} ({pct(o.regional.shareBretagne)})
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Reste en France</th>
                {result.offers.map((o) => (
                  <td key={o.offerId} className="num">
                    {eurYearCents(o.regional.francePerYearCents)} ({pct(o.regional.shareFrance)})
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Effet sur l’IBAL Bretagne</th>
                {result.offers.map((o) => (
                  <td key={o.offerId} className="num">
                    {o.regional.ibalBretagnePoints === null
                      ? '—'
                      : `${num(o.regional.ibalBretagnePoints, 1)} pt`}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Emplois soutenus en France</th>
                {result.offers.map((o) => (
                  <td key={o.offerId} className="num">
                    ≈ {num(o.regional.jobsFrance, 1)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          {result.offers.map((o) => (
            <p key={o.offerId}>
              <Disclosure label={`Comment est-ce calculé ? (${o.name})`} context="valeur pour le territoire">
                <LineExplanation line={o.regional.line} />
              </Disclosure>
            </p>
          ))}
          {result.offers.some((o) => o.regional.ibalBretagnePoints === null) ? (
            <p className="muted">L’effet sur l’IBAL demande le montant total de vos achats (mode expert).</p>
          ) : null}
        </aside>
      </div>

      <h3>Graphiques</h3>
      <div className="charts-grid">
        {result.offers.map((o) => (
          <Chart key={o.offerId} chart={waterfallFor(o)} />
        ))}
        <Chart chart={cumulativeFor(result)} />
        {distribution ? <Chart chart={distribution} /> : null}
        {tornado ? <Chart chart={tornado} /> : null}
      </div>

      {result.warnings.length > 0 ? (
        <div className="warnings" role="note">
          <h3>À vérifier</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <details className="sources">
        <summary>Sources et méthode ({result.modelVersion})</summary>
        <ul>
          {result.referenceData.map((r) => (
            <li key={r.id}>
              {r.label} : {num(r.value, 4)} {r.unit} — {r.source} ({r.asOf}, à revoir avant le {r.reviewBy})
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
