// The four-zone bar of the IBAL (plus the unlocated part): one horizontal stacked bar,
// an accessible image with a title and a description, a legend, and the same figures
// as a table for those who prefer reading them.
import { useId } from 'react';
import type { ZoneCents } from '../../../core/ibal/index.ts';
import { euros, shareText } from './format.ts';
import { zoneColours, zoneLabels, zoneOrder } from './zones.ts';

export function ZoneBar({
  zones,
  title = 'Répartition des achats par zone',
}: {
  zones: ZoneCents;
  title?: string;
}) {
  const id = useId();
  const total = zoneOrder.reduce((sum, z) => sum + Math.max(0, zones[z]), 0);
  const parts = zoneOrder.filter((z) => zones[z] > 0);
  const description = parts
    .map((z) => `${zoneLabels[z]} : ${euros(zones[z])} (${shareText(zones[z], total)})`)
    .join(' ; ');
  let x = 0;
  return (
    <figure className="ibal-chart zone-bar">
      <svg
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        viewBox="0 0 1000 60"
        preserveAspectRatio="none"
        width="100%"
        height="60"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description || 'Aucun achat.'}</desc>
        {total > 0
          ? parts.map((z) => {
              const w = (Math.max(0, zones[z]) / total) * 1000;
              const rect = (
                <rect key={z} x={x} y={0} width={w} height={60} fill={zoneColours[z]} stroke="#fff" />
              );
              x += w;
              return rect;
            })
          : null}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {zoneOrder.map((z) => (
          <li key={z}>
            <span className="swatch" style={{ background: zoneColours[z] }} /> {zoneLabels[z]} :{' '}
            <strong>{shareText(Math.max(0, zones[z]), total)}</strong>
          </li>
        ))}
      </ul>
      <details>
        <summary>Voir les données en tableau</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Zone</th>
              <th scope="col" className="num">
                Montant HT
              </th>
              <th scope="col" className="num">
                Part des achats
              </th>
            </tr>
          </thead>
          <tbody>
            {zoneOrder.map((z) => (
              <tr key={z}>
                <th scope="row">{zoneLabels[z]}</th>
                <td className="num">{euros(zones[z])}</td>
                <td className="num">{shareText(Math.max(0, zones[z]), total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
