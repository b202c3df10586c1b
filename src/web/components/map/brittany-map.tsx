// A map of Brittany drawn from SVG department outlines, no external tiles. Points come from WGS84
// coordinates (projection.ts). The list shown beside the map is the keyboard way: the page passes the
// active item and the map highlights its point; points are links for the mouse and for screen readers.
import { useId, type MouseEvent } from 'react';
import { bretonDepartmentCodes, brittanyBounds, departmentShapes, mapCredit } from './departments.ts';
import { intersects, project, unionBox, type Box } from './projection.ts';
import './map.css';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  /** Accessible name of the point, e.g. « Forges de Brest, Brest ». */
  label: string;
  href?: string;
}

export interface BrittanyMapProps {
  points: MapPoint[];
  /** Point to highlight (the list item hovered, focused or selected). */
  activeId?: string | null;
  /** What the map shows, for its accessible name: « Carte des résultats ». */
  title: string;
  onPointClick?: (point: MapPoint, event: MouseEvent) => void;
  onPointHover?: (point: MapPoint | null) => void;
}

const breton = new Set<string>(bretonDepartmentCodes);

/** The drawn area: Brittany, widened to every point, with a margin. */
export function viewBoxFor(points: { x: number; y: number }[]): Box {
  let box = brittanyBounds;
  for (const p of points) box = unionBox(box, { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y });
  const margin = Math.max(box.maxX - box.minX, box.maxY - box.minY) * 0.04;
  return {
    minX: box.minX - margin,
    minY: box.minY - margin,
    maxX: box.maxX + margin,
    maxY: box.maxY + margin,
  };
}

export function BrittanyMap({ points, activeId, title, onPointClick, onPointHover }: BrittanyMapProps) {
  const titleId = useId();
  const projected = points.map((p) => ({ ...p, ...project(p.lat, p.lon) }));
  const box = viewBoxFor(projected);
  const width = box.maxX - box.minX;
  const height = box.maxY - box.minY;
  const r = Math.max(width, height) / 110;
  const shapes = departmentShapes.filter((d) => intersects(d.bounds, box));
  // The active point is drawn last so it is on top.
  const ordered = [...projected].sort((a, b) => Number(a.id === activeId) - Number(b.id === activeId));
  return (
    <figure className="brittany-map">
      <svg
        viewBox={`${box.minX.toFixed(1)} ${box.minY.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`}
        role="group"
        aria-labelledby={titleId}
        data-testid="brittany-map"
      >
        <title id={titleId}>{title}</title>
        <g aria-hidden="true">
          {shapes.map((d) => (
            <path
              key={d.code}
              d={d.path}
              data-department={d.code}
              className={breton.has(d.code) ? 'department breton' : 'department neighbour'}
              strokeWidth={r / 5}
            >
              <title>{d.name}</title>
            </path>
          ))}
        </g>
        <g>
          {ordered.map((p) => {
            const active = p.id === activeId;
            const dot = (
              <circle
                cx={p.x}
                cy={p.y}
                r={active ? r * 1.7 : r}
                className={active ? 'point active' : 'point'}
                strokeWidth={r / 3}
              />
            );
            return p.href ? (
              <a
                key={p.id}
                href={p.href}
                aria-label={p.label}
                tabIndex={-1}
                data-point={p.id}
                onClick={onPointClick ? (e) => onPointClick(p, e) : undefined}
                onMouseEnter={onPointHover ? () => onPointHover(p) : undefined}
                onMouseLeave={onPointHover ? () => onPointHover(null) : undefined}
              >
                <title>{p.label}</title>
                {dot}
              </a>
            ) : (
              <g key={p.id} role="img" aria-label={p.label} data-point={p.id}>
                <title>{p.label}</title>
                {dot}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="map-credit">
        <a href={mapCredit.url}>{mapCredit.text}</a>.
      </figcaption>
    </figure>
  );
}
