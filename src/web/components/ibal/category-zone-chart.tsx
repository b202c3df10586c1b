// Purchase categories (PCG accounts) × zones: one stacked bar per category, scaled to the
// largest category, as an accessible image with the full table beside it.
import { useId } from 'react';
import type { IbalCategoryRow } from '../../../core/ibal/index.ts';
import { euros, roundEuros } from './format.ts';
import { zoneColours, zoneLabels, zoneOrder } from './zones.ts';

const rowHeight = 28;
const labelWidth = 300;
const barWidth = 640;

export function CategoryZoneChart({ rows, limit = 12 }: { rows: IbalCategoryRow[]; limit?: number }) {
  const id = useId();
  const shown = rows.filter((r) => r.totalCents > 0).slice(0, limit);
  const max = Math.max(1, ...shown.map((r) => r.totalCents));
  const height = shown.length * rowHeight + 4;
  const title = 'Achats par catégorie et par zone';
  const description = shown
    .map((r) => `${r.code} ${r.label} : ${euros(r.totalCents)}, dont Bretagne ${euros(r.zones.bretagne)}`)
    .join(' ; ');
  return (
    <figure className="ibal-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        viewBox={`0 0 ${labelWidth + barWidth + 120} ${height}`}
        width="100%"
        className="category-chart"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description || 'Aucun achat.'}</desc>
        {shown.map((r, i) => {
          const y = i * rowHeight + 2;
          let x = labelWidth;
          return (
            <g key={r.code}>
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#1b1f24">
                {`${r.code} ${r.label}`.slice(0, 42)}
              </text>
              {zoneOrder.map((z) => {
                const w = (Math.max(0, r.zones[z]) / max) * barWidth;
                const rect = (
                  <rect key={z} x={x} y={y} width={w} height={rowHeight - 6} fill={zoneColours[z]} />
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 18} fontSize="13" fill="#1b1f24">
                {roundEuros(r.totalCents)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Voir les données en tableau</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Catégorie</th>
                {zoneOrder.map((z) => (
                  <th scope="col" className="num" key={z}>
                    {zoneLabels[z]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code}>
                  <th scope="row">
                    {r.code} {r.label}
                  </th>
                  {zoneOrder.map((z) => (
                    <td className="num" key={z}>
                      {euros(r.zones[z])}
                    </td>
                  ))}
                  <td className="num">{euros(r.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
