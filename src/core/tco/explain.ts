// The explained result of one offer: each factor's line carries its value (read from the compiled
// model's output, never recomputed here), its formula in words with the numbers, its inputs and the
// source of each of them. This is what the web page shows under "pourquoi ce chiffre ?".
import { FACTORS, FI, GROUP_LABELS, PI, X, groupTotals, paramDef, type ParamKey } from './model.ts';
import { toCents, type EurPerYear } from './quantities.ts';
import { REFERENCE } from './reference-data.ts';
import type { OfferMeta } from './resolve.ts';
import type {
  ExplainedLine,
  FactorGroup,
  FactorId,
  GroupTotal,
  LineInput,
  OfferResult,
  RegionalValue,
} from './types.ts';
import { FACTOR_GROUPS } from './types.ts';

const nf = (digits: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits });
const n0 = nf(0);
const n2 = nf(2);
const n4 = nf(4);
/** French number for a formula: 4 significant decimals under 1, 2 above. */
export const fmt = (v: number): string =>
  (Math.abs(v) < 1 && v !== 0 ? n4 : Math.abs(v) >= 1000 ? n0 : n2).format(v);
const MODE_FR = { sea: 'mer', road: 'route', rail: 'rail', air: 'avion' } as const;
const eur = (v: number) => `${fmt(v)} €`;
const pct = (v: number) => `${nf(2).format(v * 100)} %`;

export function buildOfferResult(meta: OfferMeta, v: Float64Array, out: Float64Array): OfferResult {
  const Q = v[PI.Q] as number;
  const inp = (key: ParamKey, value?: number): LineInput => {
    const def = paramDef(key);
    return {
      name: def.label,
      value: value ?? (v[PI[key]] as number),
      unit: def.unit,
      source: meta.sources.get(key) ?? 'calcul',
    };
  };
  const calc = (name: string, value: number, unit: string): LineInput => ({
    name,
    value,
    unit,
    source: 'calcul',
  });
  const get = (k: ParamKey) => v[PI[k]] as number;
  const f = (id: Exclude<FactorId, 'T1'>) => out[FI[id]] as number;
  const P = out[X.P] as number;
  const CIF = out[X.CIF] as number;
  const L = out[X.L] as number;
  const r = get('r');
  const n = get('n');

  const text: Record<Exclude<FactorId, 'T1'>, { formula: string; inputs: LineInput[]; note?: string }> = {
    A1: {
      formula: `prix ${fmt(get('price'))} ${meta.input.currency} × change ${fmt(get('fx'))} = ${eur(P)}`,
      inputs: [inp('price'), inp('fx')],
    },
    A2: {
      formula: `outillage ${eur(get('nre'))} ÷ (${n0.format(Q)} unités/an × ${fmt(out[X.toolingLife] as number)} ans)`,
      inputs: [inp('nre'), inp('Q'), inp('toolingLife', out[X.toolingLife] as number)],
    },
    A3: { formula: `emballage ${eur(get('pack'))} par unité`, inputs: [inp('pack')] },
    A4: {
      formula: `${fmt(n)} envois × ${eur(get('freightShip'))} ÷ ${n0.format(Q)} unités + ${fmt(get('freightKg'))} €/kg × ${fmt(get('unitKg'))} kg`,
      inputs: [inp('n'), inp('freightShip'), inp('Q'), inp('freightKg'), inp('unitKg')],
    },
    A5: {
      formula: `${fmt(n)} envois × ${eur(get('inlandShip'))} ÷ ${n0.format(Q)} unités`,
      inputs: [inp('n'), inp('inlandShip'), inp('Q')],
    },
    A6: {
      formula: `part avion ${pct(get('airShare'))} × surcoût ${eur(get('airCost'))}`,
      inputs: [inp('airShare'), inp('airCost')],
    },
    A7: {
      formula: `${pct(get('ins'))} × (prix ${eur(P)} + emballage ${eur(f('A3'))} + fret ${eur(f('A4'))})`,
      inputs: [
        inp('ins'),
        calc('Prix en euros', P, '€/unité'),
        calc('Emballage', f('A3'), '€/unité'),
        calc('Fret principal', f('A4'), '€/unité'),
      ],
    },
    A8: {
      formula: `(droit ${pct(get('duty'))} + antidumping ${pct(get('antiDump'))}) × CIF ${eur(CIF)}`,
      inputs: [
        inp('duty'),
        inp('antiDump'),
        calc('Valeur CIF (prix + emballage + fret + assurance)', CIF, '€/unité'),
      ],
    },
    A9: {
      formula: `${pct(get('brokerRate'))} × prix ${eur(P)} + ${fmt(n)} envois × ${eur(get('brokerShip'))} ÷ ${n0.format(Q)} unités`,
      inputs: [inp('brokerRate'), inp('n'), inp('brokerShip'), inp('Q')],
    },
    A10:
      get('cbamCat') === 0
        ? { formula: 'hors champ du MACF (marchandise non couverte ou origine UE)', inputs: [] }
        : out[X.cbamActive] !== 1
          ? {
              formula: `sous le seuil : ${fmt(out[X.importerT] as number)} t/an < ${fmt(get('cbamThreshold'))} t/an de marchandises MACF`,
              inputs: [
                calc('Marchandises MACF importées', out[X.importerT] as number, 't/an'),
                inp('cbamThreshold'),
              ],
              note: 'Exemption sous 50 t/an (règlement (UE) 2025/2083).',
            }
          : {
              formula: `${fmt(get('unitKg') / 1000)} t × max(0, (${fmt(get('cbamEmb'))} tCO2e/t × (1 + ${pct(get('cbamMarkup'))}) − référentiel ${fmt(get('cbamBench'))} × allocation gratuite ${pct(get('cbamFree'))}) × ${eur(get('carbonPrice'))}/t − ${eur(get('cbamAbroad'))}/t payés à l’origine × ${fmt(get('cbamEmb'))})`,
              inputs: [
                inp('unitKg'),
                inp('cbamEmb'),
                inp('cbamMarkup'),
                inp('cbamBench'),
                inp('cbamFree'),
                inp('carbonPrice'),
                inp('cbamAbroad'),
              ],
            },
    B1: {
      formula: `CIF ${eur(CIF)} × r ${pct(r)} × ${fmt(get('transitDays'))} jours ÷ 365`,
      inputs: [calc('Valeur CIF', CIF, '€/unité'), inp('r'), inp('transitDays')],
    },
    B2: {
      formula: `acompte ${pct(get('deposit'))} × prix ${eur(P)} × r ${pct(r)} × ${fmt(out[X.daysPay] as number)} jours ÷ 365`,
      inputs: [
        inp('deposit'),
        calc('Prix en euros', P, '€/unité'),
        inp('r'),
        inp('daysPay', out[X.daysPay] as number),
      ],
    },
    B3: {
      formula: `coût rendu L ${eur(L)} × r ${pct(r)} ÷ (2 × ${fmt(n)} envois)`,
      inputs: [
        calc('Coût rendu L (CIF + droits + transitaire + acheminement)', L, '€/unité'),
        inp('r'),
        inp('n'),
      ],
    },
    B4: {
      formula: `stock de sécurité ${fmt(out[X.safetyUnits] as number)} unités × L ${eur(L)} × r ${pct(r)} ÷ ${n0.format(Q)} unités ; stock = z ${fmt(get('z'))} × √(délai ${fmt(out[X.LT] as number)} sem. × σ_w² + d_w² × σ_délai ${fmt(out[X.sigmaLT] as number)} sem.²)`,
      inputs: [
        inp('z'),
        calc('Délai d’approvisionnement', out[X.LT] as number, 'semaines'),
        calc('Écart type du délai', out[X.sigmaLT] as number, 'semaines'),
        inp('demandCv'),
        inp('Q'),
        inp('r'),
        inp('prodWeeks'),
        inp('transitDays'),
        inp('transitSigma'),
      ],
    },
    B5: {
      formula: `${fmt(get('obso'))} unités mises au rebut × L ${eur(L)} ÷ (${n0.format(Q)} unités/an × ${fmt(get('life'))} ans)`,
      inputs: [inp('obso'), inp('Q'), inp('life')],
    },
    B6: { formula: `stockage ${eur(get('warehousing'))} par unité`, inputs: [inp('warehousing')] },
    C1: {
      formula: `défauts ${pct(get('defectRate'))} × ${eur(get('costPerDefect'))} + contrôle ${eur(get('inspection'))}`,
      inputs: [inp('defectRate'), inp('costPerDefect'), inp('inspection')],
    },
    C2: {
      formula: `${fmt(get('trips'))} déplacements × ${eur(get('costTrip'))} ÷ ${n0.format(Q)} unités`,
      inputs: [inp('trips'), inp('costTrip'), inp('Q')],
    },
    C3: {
      formula: `${fmt(get('mgmtHours'))} h × ${eur(get('hourly'))}/h ÷ ${n0.format(Q)} unités`,
      inputs: [inp('mgmtHours'), inp('hourly'), inp('Q')],
    },
    C4: { formula: `${pct(get('warranty'))} × prix ${eur(P)}`, inputs: [inp('warranty')] },
    D1: {
      formula: `probabilité ${pct(get('disrP'))} × impact ${eur(get('disrImpact'))} ÷ ${n0.format(Q)} unités`,
      inputs: [inp('disrP'), inp('disrImpact'), inp('Q')],
    },
    D2: {
      formula: `${pct(get('ltCostWeek'))} par semaine × L ${eur(L)} × ${fmt(out[X.extraWeeks] as number)} semaines de délai en plus que l’offre la plus rapide`,
      inputs: [
        inp('ltCostWeek'),
        calc('Semaines de délai en plus', out[X.extraWeeks] as number, 'semaines'),
        calc('Coût rendu L', L, '€/unité'),
      ],
      note: `Règle : ${meta.d2Reason}.`,
    },
    D3: { formula: `provision ${pct(get('fxBuffer'))} × prix ${eur(P)}`, inputs: [inp('fxBuffer')] },
    D4: { formula: `${pct(get('ipRate'))} × prix ${eur(P)}`, inputs: [inp('ipRate')] },
    D5: {
      formula: `probabilité ${pct(get('tpP'))} × hausse de droit ${pct(get('tpDelta'))} × CIF ${eur(CIF)}`,
      inputs: [inp('tpP'), inp('tpDelta'), calc('Valeur CIF', CIF, '€/unité')],
    },
    D6: {
      formula: `prix ${eur(P)} × moyenne actualisée de ((1 + ${pct(get('escalation'))})^t − 1) sur ${fmt(get('horizon'))} ans à ${pct(get('discount'))} = ${pct(out[X.escalationFactor] as number)}`,
      inputs: [inp('escalation'), inp('horizon'), inp('discount')],
    },
    E1: { formula: `${pct(get('innovation'))} × prix ${eur(P)}`, inputs: [inp('innovation')] },
    E2: {
      formula: `${fmt(get('unitKg') / 1000)} t × (${fmt(get('preKm'))} km route + ${fmt(get('mainKm'))} km ${MODE_FR[meta.mode]} + ${fmt(get('onKm'))} km route, facteurs ${fmt(get('efRoad'))} / ${fmt(get('efMain'))} kgCO2e/t·km) = ${fmt((out[X.transportT] as number) * 1000)} kgCO2e × ${eur(get('carbonPrice'))}/t`,
      inputs: [
        inp('unitKg'),
        inp('preKm'),
        inp('mainKm'),
        inp('onKm'),
        inp('efMain'),
        inp('efRoad'),
        inp('airShare'),
        inp('airKm'),
        inp('carbonPrice'),
      ],
    },
    E3: {
      formula: `${fmt(get('unitKg') / 1000)} t × ${fmt(get('embodied'))} tCO2e/t × ${eur(get('carbonPrice'))}/t`,
      inputs: [inp('unitKg'), inp('embodied'), inp('carbonPrice')],
      note:
        out[X.e3Counted] === 1
          ? 'Ajouté au TCO (choix du scénario).'
          : 'Pour information : non ajouté au TCO (sauf choix contraire dans le scénario).',
    },
  };

  const lines: ExplainedLine[] = FACTORS.map((fd) => {
    const value = out[FI[fd.id as Exclude<FactorId, 'T1'>]] as number;
    const t = text[fd.id as Exclude<FactorId, 'T1'>];
    const counted = fd.id === 'D2' ? out[X.d2Counted] === 1 : fd.id === 'E3' ? out[X.e3Counted] === 1 : true;
    const line: ExplainedLine = {
      id: fd.id,
      factorId: fd.id,
      group: fd.group,
      label: fd.label,
      perUnit: value,
      perYearCents: toCents((value * Q) as EurPerYear),
      formula: t.formula,
      inputs: t.inputs,
      children: [],
      counted,
    };
    if (t.note) line.note = t.note;
    return line;
  });
  // B4 explains its safety stock as a child line.
  const b4 = lines[FI.B4];
  if (b4) {
    b4.children.push({
      id: 'B4.safetyUnits',
      factorId: 'B4',
      group: 'stock',
      label: 'Stock de sécurité (unités)',
      perUnit: 0,
      perYearCents: 0,
      formula: `z × √(délai × σ_w² + d_w² × σ_délai²) = ${fmt(out[X.safetyUnits] as number)} unités, avec d_w = ${fmt(Q / 52)} unités/semaine et σ_w = ${fmt((Q / 52) * get('demandCv'))}`,
      inputs: [inp('z'), inp('Q'), inp('demandCv')],
      children: [],
      counted: false,
    });
  }

  const totals = groupTotals(out);
  const groups: GroupTotal[] = FACTOR_GROUPS.map((g: FactorGroup, i) => ({
    group: g,
    label: GROUP_LABELS[g],
    perUnit: totals[i] as number,
    perYearCents: toCents(((totals[i] as number) * Q) as EurPerYear),
  }));
  const tco = out[X.TCO] as number;
  const regional = regionalValue(meta, P, Q);
  return {
    offerId: meta.input.id,
    name: meta.input.name,
    role: meta.input.role,
    priceEurPerUnit: P,
    lines,
    groups,
    tcoPerUnit: tco,
    tcoPerYearCents: toCents((tco * Q) as EurPerYear),
    hiddenCostShare: P > 0 ? tco / P - 1 : 0,
    distances: {
      preCarriageKm: get('preKm'),
      mainKm: get('mainKm'),
      onCarriageKm: get('onKm'),
      mainMode: meta.mode,
      note: meta.distanceNote,
    },
    leadTimeWeeks: out[X.LT] as number,
    regional,
    warnings: meta.warnings,
  };
}

/** T1: the share of the spend staying in Bretagne / France, shown beside the TCO, never added. */
function regionalValue(meta: OfferMeta, P: number, Q: number): RegionalValue {
  const spend = P * Q;
  const { bretagne, france, source } = meta.regionalShares;
  const jobs = (spend * france * REFERENCE.valueAddedShareOfSpend.value) / REFERENCE.valueAddedPerJob.value;
  const line: ExplainedLine = {
    id: 'T1',
    factorId: 'T1',
    group: 'regional',
    label: 'Valeur pour le territoire (à côté du TCO, jamais ajoutée)',
    perUnit: P * bretagne,
    perYearCents: toCents((spend * bretagne) as EurPerYear),
    formula: `dépense ${eur(spend)}/an × ${pct(bretagne)} en Bretagne (${pct(france)} en France) ; emplois ≈ dépense en France × ${pct(REFERENCE.valueAddedShareOfSpend.value)} de valeur ajoutée ÷ ${eur(REFERENCE.valueAddedPerJob.value)} par emploi = ${fmt(jobs)}`,
    inputs: [
      { name: 'Part en Bretagne', value: bretagne, unit: 'fraction', source },
      { name: 'Part en France', value: france, unit: 'fraction', source },
      {
        name: REFERENCE.valueAddedShareOfSpend.label,
        value: REFERENCE.valueAddedShareOfSpend.value,
        unit: 'fraction',
        source: REFERENCE.valueAddedShareOfSpend.source,
      },
      {
        name: REFERENCE.valueAddedPerJob.label,
        value: REFERENCE.valueAddedPerJob.value,
        unit: '€/emploi/an',
        source: REFERENCE.valueAddedPerJob.source,
      },
    ],
    children: [],
    counted: false,
    note: 'Jamais ajoutée au TCO : c’est ce que la dépense apporte au territoire, pas un coût pour l’entreprise.',
  };
  return {
    spendPerYearCents: toCents(spend as EurPerYear),
    shareBretagne: bretagne,
    shareFrance: france,
    bretagnePerYearCents: toCents((spend * bretagne) as EurPerYear),
    francePerYearCents: toCents((spend * france) as EurPerYear),
    ibalBretagnePoints: null,
    ibalFrancePoints: null,
    jobsFrance: jobs,
    line,
  };
}

/** Adds the IBAL effect once the company's total purchases are known. */
export function withIbal(r: RegionalValue, companyAnnualPurchases: number | undefined): RegionalValue {
  if (!companyAnnualPurchases || companyAnnualPurchases <= 0) return r;
  const total = companyAnnualPurchases * 100;
  return {
    ...r,
    ibalBretagnePoints: (r.bretagnePerYearCents / total) * 100,
    ibalFrancePoints: (r.francePerYearCents / total) * 100,
  };
}
