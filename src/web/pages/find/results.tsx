// The list of establishments and its map, side by side: shared by the search page and the
// Breton alternatives of an establishment page. Hovering or focusing an item highlights its point.
import { Link } from 'react-router-dom';
import type { EstablishmentSummary } from '../../../api/establishments.ts';
import { BrittanyMap, type MapPoint } from '../../components/map/brittany-map.tsx';
import { formatDistance, plural } from './format.ts';

export const establishmentPath = (siret: string) => `/trouver/etablissement/${siret}`;

export function describePlace(e: EstablishmentSummary): string {
  if (e.commune) return `${e.commune.name}${e.department ? ` (${e.department.code})` : ''}`;
  if (e.country) return e.country.label;
  return 'Lieu non public';
}

export function ResultList({
  items,
  activeId,
  onActive,
}: {
  items: EstablishmentSummary[];
  activeId: string | null;
  onActive: (id: string | null) => void;
}) {
  if (items.length === 0) return <div />;
  return (
    <ol className="result-list">
      {items.map((e) => (
        <li
          key={e.siret}
          className={e.siret === activeId ? 'result active' : 'result'}
          data-siret={e.siret}
          onMouseEnter={() => onActive(e.siret)}
          onMouseLeave={() => onActive(null)}
          onFocus={() => onActive(e.siret)}
        >
          <h3>
            <Link to={establishmentPath(e.siret)}>{e.name}</Link>
          </h3>
          {e.enseigne && e.enseigne !== e.name ? <p className="enseigne">Enseigne : {e.enseigne}</p> : null}
          <ul className="facts">
            <li>{e.naf ? `${e.naf.label} (${e.naf.code})` : 'Activité non renseignée'}</li>
            <li>{describePlace(e)}</li>
            {e.headcount ? <li>{e.headcount.label}</li> : null}
            {e.distanceKm !== null ? <li>à {formatDistance(e.distanceKm)}</li> : null}
            {!e.active ? <li className="closed">Fermé</li> : null}
          </ul>
          {e.why.length > 0 ? (
            <p className="why">
              <span className="why-label">Pourquoi ce résultat : </span>
              {e.why.join(' ; ')}.
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function ResultMap({
  items,
  activeId,
  onActive,
  onOpen,
  title = 'Carte des résultats de cette page',
}: {
  items: EstablishmentSummary[];
  activeId: string | null;
  onActive: (id: string | null) => void;
  onOpen: (siret: string) => void;
  /** Accessible name of the map; the number of placed points is added. */
  title?: string;
}) {
  const points: MapPoint[] = items.flatMap((e) =>
    e.location
      ? [
          {
            id: e.siret,
            lat: e.location.lat,
            lon: e.location.lon,
            label: `${e.name}, ${describePlace(e)}`,
            href: establishmentPath(e.siret),
          },
        ]
      : [],
  );
  const missing = items.length - points.length;
  return (
    <div className="result-map">
      <BrittanyMap
        title={`${title} : ${plural(points.length, 'établissement placé', 'établissements placés')}`}
        points={points}
        activeId={activeId}
        onPointHover={(p) => onActive(p?.id ?? null)}
        onPointClick={(p, event) => {
          event.preventDefault();
          onOpen(p.id);
        }}
      />
      <p className="hint">
        La liste est le moyen d’accès au clavier : survolez ou parcourez un résultat pour voir son point.
        {missing > 0 ? ` ${plural(missing, 'résultat n’a', 'résultats n’ont')} pas de position connue.` : ''}
      </p>
    </div>
  );
}
