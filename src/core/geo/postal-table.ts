// The compact postal table: postal code → departments of the communes it serves (most
// populous first). It is what the browser needs to place a supplier in its IBAL zone
// without the 8.6 MB commune file: the server computes it from the COG data and serves it
// at GET /api/v1/reference/postal-codes (about 6,300 codes, ~90 KB of JSON).

export interface PostalTable {
  source: string;
  postalCodes: Record<string, string[]>;
}

/** What zoneOf needs to know about French places: both the full GeoIndex and a PostalTable provide it. */
export interface PlaceLookup {
  /** Departments of the communes served by a postal code (empty if unknown). */
  departmentsOfPostalCode(postalCode: string): readonly string[];
  /** Department of a commune (INSEE code), undefined if the commune is unknown. */
  departmentOfCommune?(communeCode: string): string | undefined;
}

export function postalLookup(table: PostalTable): PlaceLookup {
  return { departmentsOfPostalCode: (cp) => table.postalCodes[cp] ?? [] };
}
