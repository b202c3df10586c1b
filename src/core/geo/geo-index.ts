// The reference geography built from `@etalab/decoupage-administratif` (COG) data: commune →
// department → region, postal code → communes, commune search, commune coordinates.
// Pure: the caller passes the raw JSON (the server reads the package files once; the
// browser never gets the 8.6 MB commune file, it uses the compact postal table instead).
import { centroid, type GeoPoint, type LocatedPoint, type RawCity } from './coordinates.ts';
import type { PlaceLookup, PostalTable } from './postal-table.ts';
import { foldText } from './text.ts';
import {
  departmentOfCommuneCode,
  infoOfDepartment,
  isOverseas,
  zoneOfDepartment,
  type ZoneInfo,
} from './zones.ts';

/** A row of `@etalab/decoupage-administratif/data/communes.json`. */
export interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal' | string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
  /** For a municipal arrondissement: its commune (75056 for Paris). */
  commune?: string;
  /** For a delegated or associated commune: the commune it belongs to. */
  chefLieu?: string;
  anciensCodes?: string[];
}
export interface RawDepartment {
  code: string;
  nom: string;
  region: string;
}
export interface RawRegion {
  code: string;
  nom: string;
}
export interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

export interface GeoRawData {
  communes: readonly RawCommune[];
  departments: readonly RawDepartment[];
  regions: readonly RawRegion[];
  epci?: readonly RawEpci[];
  /** GeoNames towns (only France's are used). */
  cities?: readonly RawCity[];
}

export type CommuneKind = 'commune' | 'arrondissement' | 'deleguee' | 'associee';

export interface Commune {
  /** INSEE COG code, e.g. `29019` (Brest). */
  code: string;
  name: string;
  kind: CommuneKind;
  departmentCode: string;
  regionCode: string;
  /** Postal codes (La Poste) of the commune; empty for delegated/associated communes. */
  postalCodes: readonly string[];
  population: number | null;
  /** The current commune this one belongs to (arrondissement → city, delegated → new commune). */
  parentCode: string | null;
  epciCode: string | null;
}

export interface Department {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  zone: 'bretagne' | 'france';
  info: ZoneInfo | null;
  overseas: boolean;
}

export interface Region {
  code: string;
  name: string;
}

export interface CommuneSearch {
  department?: string;
  limit?: number;
}

export interface GeoIndex extends PlaceLookup {
  /** A commune by INSEE code; a former code (merged commune) gives the current commune. */
  commune(code: string): Commune | undefined;
  department(code: string): Department | undefined;
  region(code: string): Region | undefined;
  departments(): readonly Department[];
  /** Current communes and municipal arrondissements (no delegated/associated ones), most populous first. */
  communes(): readonly Commune[];
  /** Current communes (and municipal arrondissements) served by a postal code, most populous first. */
  communesByPostalCode(postalCode: string): readonly Commune[];
  /** Autocomplete by name (accent-insensitive, prefix of a word) or by postal code prefix. */
  searchCommunes(query: string, options?: CommuneSearch): Commune[];
  /** Coordinates of a commune, with where they come from. */
  coordinates(code: string): LocatedPoint | undefined;
  /** Postal code → department codes, the compact table the browser uses. */
  postalTable(): PostalTable;
}

const kindOf = (type: string): CommuneKind | undefined =>
  type === 'commune-actuelle'
    ? 'commune'
    : type === 'arrondissement-municipal'
      ? 'arrondissement'
      : type === 'commune-deleguee'
        ? 'deleguee'
        : type === 'commune-associee'
          ? 'associee'
          : undefined;

export function buildGeoIndex(raw: GeoRawData): GeoIndex {
  const regions = new Map<string, Region>(raw.regions.map((r) => [r.code, { code: r.code, name: r.nom }]));
  const departments = new Map<string, Department>();
  for (const d of raw.departments) {
    departments.set(d.code, {
      code: d.code,
      name: d.nom,
      regionCode: d.region,
      regionName: regions.get(d.region)?.name ?? d.region,
      zone: zoneOfDepartment(d.code),
      info: infoOfDepartment(d.code),
      overseas: isOverseas(d.code),
    });
  }

  const epciOf = new Map<string, string>();
  for (const e of raw.epci ?? []) for (const m of e.membres) epciOf.set(m.code, e.code);

  const communes = new Map<string, Commune>();
  const formerCodes = new Map<string, string>();
  const byPostalCode = new Map<string, Commune[]>();
  const searchable: { commune: Commune; key: string; words: string[] }[] = [];
  const foldedNames = new Map<string, string>();
  /** Current commune → folded names of the communes merged into it (its chef-lieu first). */
  const formerNames = new Map<string, string[]>();
  for (const r of raw.communes) {
    const kind = kindOf(r.type);
    const departmentCode = r.departement ?? departmentOfCommuneCode(r.code);
    if (!kind || !departmentCode) continue;
    if ((kind === 'deleguee' || kind === 'associee') && r.chefLieu) {
      const names = formerNames.get(r.chefLieu) ?? [];
      if (r.code === r.chefLieu) names.unshift(foldText(r.nom));
      else names.push(foldText(r.nom));
      formerNames.set(r.chefLieu, names);
    }
    // Delegated communes often share their code with the current commune: the current one wins.
    if (kind !== 'commune' && kind !== 'arrondissement' && communes.has(r.code)) continue;
    const commune: Commune = {
      code: r.code,
      name: r.nom,
      kind,
      departmentCode,
      regionCode: r.region ?? departments.get(departmentCode)?.regionCode ?? '',
      postalCodes: r.codesPostaux ?? [],
      population: r.population ?? null,
      parentCode:
        kind === 'arrondissement' ? (r.commune ?? null) : kind === 'commune' ? null : (r.chefLieu ?? null),
      epciCode: epciOf.get(r.code) ?? (r.commune ? (epciOf.get(r.commune) ?? null) : null),
    };
    communes.set(r.code, commune);
    for (const former of r.anciensCodes ?? []) formerCodes.set(former, r.code);
    if (kind === 'commune' || kind === 'arrondissement') {
      // Paris, Lyon and Marseille: the postal codes belong to the arrondissements.
      const hasArrondissements = kind === 'commune' && ['75056', '69123', '13055'].includes(r.code);
      for (const cp of hasArrondissements ? [] : commune.postalCodes) {
        const list = byPostalCode.get(cp) ?? [];
        list.push(commune);
        byPostalCode.set(cp, list);
      }
      const key = foldText(r.nom);
      foldedNames.set(r.code, key);
      searchable.push({ commune, key, words: key.split(' ') });
    }
  }
  const byPopulation = (a: Commune, b: Commune) => (b.population ?? 0) - (a.population ?? 0);
  for (const list of byPostalCode.values()) list.sort(byPopulation);
  searchable.sort((a, b) => byPopulation(a.commune, b.commune));

  const coordinates = locateCommunes(communes, foldedNames, formerNames, raw.cities ?? []);

  const commune = (code: string) => {
    const c = code.trim().toUpperCase();
    return communes.get(c) ?? communes.get(formerCodes.get(c) ?? '');
  };

  let table: PostalTable | undefined;
  return {
    commune,
    departmentOfCommune: (code) => commune(code)?.departmentCode,
    departmentsOfPostalCode: (cp) => [
      ...new Set((byPostalCode.get(cp.trim()) ?? []).map((c) => c.departmentCode)),
    ],
    department: (code) => departments.get(code.trim().toUpperCase()),
    region: (code) => regions.get(code.trim()),
    departments: () => [...departments.values()],
    communes: () => searchable.map((s) => s.commune),
    communesByPostalCode: (cp) => byPostalCode.get(cp.trim()) ?? [],
    searchCommunes(query, { department, limit = 10 } = {}) {
      const q = searchKey(query);
      if (q === '') return [];
      const found: Commune[] = [];
      if (/^\d{2,5}$/.test(q)) {
        for (const { commune: c } of searchable) {
          if (department && c.departmentCode !== department) continue;
          if (c.postalCodes.some((cp) => cp.startsWith(q))) found.push(c);
          if (found.length >= limit) break;
        }
        return found;
      }
      // Exact name first, then names starting with the query, then a word starting with it.
      const exact: Commune[] = [];
      const prefix: Commune[] = [];
      const word: Commune[] = [];
      const qWords = q.split(' ');
      for (const s of searchable) {
        if (department && s.commune.departmentCode !== department) continue;
        if (s.key === q) exact.push(s.commune);
        else if (s.key.startsWith(q)) prefix.push(s.commune);
        else if (qWords.every((w) => s.words.some((sw) => sw.startsWith(w)))) word.push(s.commune);
      }
      return [...exact, ...prefix, ...word].slice(0, limit);
    },
    coordinates: (code) => {
      const c = commune(code);
      return c
        ? (coordinates.get(c.code) ?? (c.parentCode ? coordinates.get(c.parentCode) : undefined))
        : undefined;
    },
    postalTable() {
      if (!table) {
        const postalCodes: Record<string, string[]> = {};
        for (const cp of [...byPostalCode.keys()].sort()) {
          postalCodes[cp] = [...new Set(byPostalCode.get(cp)!.map((c) => c.departmentCode))];
        }
        table = { source: 'La Poste / COG via @etalab/decoupage-administratif', postalCodes };
      }
      return table;
    },
  };
}

/** Folded query with the usual abbreviations expanded: « St-Malo » → « saint malo ». */
function searchKey(query: string): string {
  return foldText(query)
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .join(' ');
}

/** GeoNames match by folded name + department, then EPCI and department centroids. */
function locateCommunes(
  communes: Map<string, Commune>,
  foldedNames: Map<string, string>,
  formerNames: Map<string, string[]>,
  cities: readonly RawCity[],
): Map<string, LocatedPoint> {
  const located = new Map<string, LocatedPoint>();
  const towns = new Map<string, GeoPoint>();
  for (const city of cities) {
    if (city.country !== 'FR') continue;
    const lat = Number(city.lat);
    const lon = Number(city.lng);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const key = `${city.admin2}|${foldText(city.name)}`;
    if (!towns.has(key)) towns.set(key, { lat, lon });
  }
  const byEpci = new Map<string, GeoPoint[]>();
  const byDepartment = new Map<string, GeoPoint[]>();
  const current = [...communes.values()].filter((c) => c.kind === 'commune' || c.kind === 'arrondissement');
  for (const c of current) {
    const p = towns.get(`${c.departmentCode}|${foldedNames.get(c.code) ?? foldText(c.name)}`);
    if (!p) continue;
    located.set(c.code, { ...p, source: 'geonames', approximate: false });
    if (c.epciCode) (byEpci.get(c.epciCode) ?? byEpci.set(c.epciCode, []).get(c.epciCode)!).push(p);
    (
      byDepartment.get(c.departmentCode) ?? byDepartment.set(c.departmentCode, []).get(c.departmentCode)!
    ).push(p);
  }
  const epciCentroids = new Map([...byEpci].map(([k, v]) => [k, centroid(v)!]));
  const depCentroids = new Map([...byDepartment].map(([k, v]) => [k, centroid(v)!]));
  for (const c of current) {
    if (located.has(c.code)) continue;
    const former = (formerNames.get(c.code) ?? [])
      .map((name) => towns.get(`${c.departmentCode}|${name}`))
      .find((p) => p !== undefined);
    if (former) located.set(c.code, { ...former, source: 'geonames-former-commune', approximate: false });
  }
  for (const c of current) {
    if (located.has(c.code)) continue;
    const epci = c.epciCode ? epciCentroids.get(c.epciCode) : undefined;
    if (epci) {
      located.set(c.code, { ...epci, source: 'epci-centroid', approximate: true });
      continue;
    }
    const dep = depCentroids.get(c.departmentCode);
    if (dep) located.set(c.code, { ...dep, source: 'department-centroid', approximate: true });
  }
  return located;
}
