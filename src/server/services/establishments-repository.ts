// Reading establishments: the columns selected, the row type, and the presenter that turns a
// row into the API's summary (never a raw row; masked fields stay null).
import { headcountBands, type EstablishmentSummary } from '../../api/establishments.ts';
import type { Queryable } from '../../db/connection.ts';
import { geoIndex } from '../../db/sirene/geo.ts';
import { nafLabel } from '../../db/sirene/naf.ts';

export interface EstablishmentRow {
  siret: string;
  siren: string;
  name: string;
  enseigne: string | null;
  usual_name: string | null;
  sigle: string | null;
  naf_code: string | null;
  naf25_code: string | null;
  section: string | null;
  naf_label: string | null;
  department: string | null;
  commune_code: string | null;
  commune_name: string | null;
  postal_code: string | null;
  address: string | null;
  address_extra: string | null;
  country_code: string | null;
  country_name: string | null;
  headcount_band: string | null;
  headcount_year: number | null;
  created_on: string | null;
  head_office: boolean;
  active: boolean;
  diffusion: 'O' | 'P';
  lat: number | null;
  lon: number | null;
  coord_source: 'sirene' | 'geo-sirene' | 'commune' | null;
}

/** Columns of EstablishmentRow, for `select ${establishmentColumns('e')} from establishments e`. */
export const establishmentColumns = (alias: string) =>
  [
    'siret',
    'siren',
    'name',
    'enseigne',
    'usual_name',
    'sigle',
    'naf_code',
    'naf25_code',
    'section',
    'naf_label',
    'department',
    'commune_code',
    'commune_name',
    'postal_code',
    'address',
    'address_extra',
    'country_code',
    'country_name',
    'headcount_band',
    'headcount_year',
    'head_office',
    'active',
    'diffusion',
    'lat',
    'lon',
    'coord_source',
  ]
    .map((c) => `${alias}.${c}`)
    .join(', ') + `, to_char(${alias}.created_on, 'YYYY-MM-DD') as created_on`;

/** Haversine distance in km between the row's point and ($lat, $lon) given as SQL expressions. */
export const distanceSql = (alias: string, lat: string, lon: string) =>
  `(12742.0176 * asin(least(1, sqrt(power(sin(radians(${alias}.lat - ${lat}) / 2), 2) + ` +
  `cos(radians(${lat})) * cos(radians(${alias}.lat)) * power(sin(radians(${alias}.lon - ${lon}) / 2), 2)))))`;

/** Longitude scale of the GiST index expression point(lon * 0.6691, lat) (cos 48°). */
export const LON_SCALE = 0.6691;

export const departmentLabel = (code: string) => geoIndex().department(code)?.name ?? code;

export function toSummary(
  row: EstablishmentRow,
  extra: { distanceKm?: number | null; why?: string[] } = {},
): EstablishmentSummary {
  const isPublic = row.diffusion === 'O';
  const address = isPublic ? [row.address, row.address_extra].filter(Boolean).join(', ') || null : null;
  return {
    siret: row.siret,
    siren: row.siren,
    name: row.name,
    enseigne: row.enseigne ?? row.usual_name,
    sigle: row.sigle,
    naf: row.naf_code ? { code: row.naf_code, label: row.naf_label ?? nafLabel(row.naf_code) ?? '' } : null,
    naf25Code: row.naf25_code,
    section: row.section ? { code: row.section, label: nafLabel(row.section) ?? '' } : null,
    headcount: row.headcount_band
      ? {
          band: row.headcount_band,
          label: headcountBands[row.headcount_band as keyof typeof headcountBands] ?? row.headcount_band,
          year: row.headcount_year === null ? null : Number(row.headcount_year),
        }
      : null,
    commune: row.commune_code ? { code: row.commune_code, name: row.commune_name ?? row.commune_code } : null,
    department: row.department ? { code: row.department, label: departmentLabel(row.department) } : null,
    country: row.country_code
      ? { code: row.country_code, label: row.country_name ?? row.country_code }
      : null,
    postalCode: isPublic ? row.postal_code : null,
    address,
    location:
      row.lat !== null && row.lon !== null && row.coord_source
        ? { lat: Number(row.lat), lon: Number(row.lon), source: row.coord_source }
        : null,
    distanceKm:
      extra.distanceKm === undefined || extra.distanceKm === null
        ? null
        : Math.round(extra.distanceKm * 10) / 10,
    isHeadOffice: row.head_office,
    active: row.active,
    diffusion: row.diffusion,
    createdOn: row.created_on,
    why: extra.why ?? [],
  };
}

export async function findBySiret(db: Queryable, siret: string): Promise<EstablishmentRow | undefined> {
  const r = await db.query<EstablishmentRow>(
    `select ${establishmentColumns('e')} from establishments e where e.siret = $1`,
    [siret],
  );
  return r.rows[0];
}

export async function otherEstablishments(
  db: Queryable,
  siren: string,
  exceptSiret: string,
  limit = 50,
): Promise<{ rows: EstablishmentRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.query<EstablishmentRow>(
      `select ${establishmentColumns('e')} from establishments e where e.siren = $1 and e.siret <> $2
       order by e.active desc, e.head_office desc, e.siret limit $3`,
      [siren, exceptSiret, limit],
    ),
    db.query<{ n: number }>(
      'select count(*)::int as n from establishments where siren = $1 and siret <> $2',
      [siren, exceptSiret],
    ),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}
