// Local alternatives: Breton establishments with the same activity as a supplier — same NAF
// sub-class first, then the same class, then the same group — nearest to the buyer first.
import type { AlternativesQuery, AlternativesResponse } from '../../api/establishments.ts';
import type { Queryable } from '../../db/connection.ts';
import { BRITTANY_DEPARTMENTS } from '../../db/sirene/import.ts';
import { nafLabel } from '../../db/sirene/naf.ts';
import { HttpError } from '../errors.ts';
import {
  distanceSql,
  establishmentColumns,
  toSummary,
  type EstablishmentRow,
} from './establishments-repository.ts';
import { resolveNear } from './establishments-search.ts';

const levelNames = { subclass: 'sous-classe', class: 'classe', group: 'groupe' } as const;
type Level = keyof typeof levelNames;

export const alternativesRanking =
  'Établissements actifs des quatre départements bretons : même sous-classe NAF d’abord, puis même classe, puis même groupe ; ' +
  'dans chaque niveau, le plus proche d’abord (ou par nom sans lieu donné). Aucun placement payant.';

const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export async function findAlternatives(
  db: Queryable,
  query: AlternativesQuery,
): Promise<AlternativesResponse> {
  const code = query.naf;
  // Levels available from the code given: 25.62B → sub-class, class 25.62, group 25.6.
  const levels: { level: Level; code: string }[] = [];
  if (/^\d{2}\.\d{2}[A-Z]$/.test(code)) levels.push({ level: 'subclass', code });
  if (/^\d{2}\.\d{2}/.test(code)) levels.push({ level: 'class', code: code.slice(0, 5) });
  if (/^\d{2}\.\d/.test(code)) levels.push({ level: 'group', code: code.slice(0, 4) });
  if (levels.length === 0) {
    throw new HttpError(
      400,
      'naf_too_broad',
      `Code NAF « ${code} » trop large : donnez au moins un groupe (25.6), idéalement une sous-classe (25.62B).`,
    );
  }
  const label = nafLabel(code);
  if (!label)
    throw new HttpError(400, 'unknown_naf', `Code NAF « ${code} » inconnu de la nomenclature NAF rév. 2.`);
  const point = resolveNear(query.near);

  const params: unknown[] = [BRITTANY_DEPARTMENTS, `${levels[levels.length - 1]!.code}%`];
  const levelCase = `case ${levels
    .map((l, i) => {
      params.push(l.level === 'subclass' ? l.code : `${l.code}%`);
      return `when e.naf_code ${l.level === 'subclass' ? '=' : 'like'} $${params.length} then ${i}`;
    })
    .join(' ')} else ${levels.length} end`;
  let dist = 'null::float8';
  if (point) {
    params.push(point.lat, point.lon);
    dist = distanceSql('e', `$${params.length - 1}::float8`, `$${params.length}::float8`);
  }
  let exclude = '';
  if (query.excludeSiren) {
    params.push(query.excludeSiren);
    exclude = `and e.siren <> $${params.length}`;
  }
  params.push(query.limit);
  const r = await db.query<EstablishmentRow & { level_index: number; dist: number | null }>(
    `select ${establishmentColumns('e')}, ${levelCase} as level_index, ${dist} as dist
       from establishments e
      where e.active and e.department = any($1::text[]) and e.naf_code like $2 ${exclude}
      order by level_index, dist asc nulls last, e.name, e.siret
      limit $${params.length}`,
    params,
  );
  return {
    naf: { code, label },
    near: point,
    ranking: alternativesRanking,
    items: r.rows.map((row) => {
      const level = levels[row.level_index]?.level ?? 'group';
      const levelCode = levels[row.level_index]?.code ?? code;
      const d = row.dist === null ? null : Number(row.dist);
      const reason =
        `Même ${levelNames[level]} NAF ${levelCode} (${nafLabel(levelCode) ?? ''})` +
        (row.naf_code && row.naf_code !== levelCode
          ? ` — son activité : ${row.naf_code} ${row.naf_label ?? ''}`
          : '') +
        (point && d !== null ? `, à ${nf.format(Math.round(d * 10) / 10)} km de ${point.label}` : '');
      const summary = toSummary(row, { distanceKm: d, why: [reason] });
      return { ...summary, level, reason };
    }),
  };
}
