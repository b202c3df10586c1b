// The postal code → departments table for the CLI, built once from the COG data
// (@etalab/decoupage-administratif, via core/geo) and cached in DATA_DIR/cache/ (≈ 90 KB):
// building it costs seconds and ~150 MB; reading the cache costs milliseconds.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildGeoIndex, postalLookup, type PlaceLookup, type PostalTable } from '../../core/geo/index.ts';

const require = createRequire(import.meta.url);
const readJson = <T>(specifier: string): T =>
  JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;

export function cliPostalLookup(dataDir: string): PlaceLookup {
  const version = readJson<{ version: string }>('@etalab/decoupage-administratif/package.json').version;
  const cacheFile = join(dataDir, 'cache', `postal-table-${version}.json`);
  if (existsSync(cacheFile)) {
    try {
      return postalLookup(JSON.parse(readFileSync(cacheFile, 'utf8')) as PostalTable);
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const data = '@etalab/decoupage-administratif/data';
  const table = buildGeoIndex({
    communes: readJson(`${data}/communes.json`),
    departments: readJson(`${data}/departements.json`),
    regions: readJson(`${data}/regions.json`),
  }).postalTable();
  try {
    mkdirSync(join(dataDir, 'cache'), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(table));
  } catch {
    // Read-only data folder: work without the cache.
  }
  return postalLookup(table);
}
