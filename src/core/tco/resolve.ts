// Scenario → compiled model: every parameter of every offer gets a number (its likely value), a
// source (user input, reference figure, hypothesis or computation) and, when given as a range, an
// entry in the list of uncertain inputs the Monte Carlo draws from.
import { err, ok, type Problem, type Result } from '../shared/index.ts';
import { normalQuantile } from './formulas.ts';
import { NP, PARAMS, PI, type ParamDef, type ParamKey } from './model.ts';
import { findCity, findPort, greatCircleKm, seaDistanceKm } from './places.ts';
import {
  CBAM_ALWAYS_COVERED,
  CBAM_BENCHMARK,
  CBAM_BENCHMARK_SOURCE,
  CBAM_FREE_ALLOCATION_SOURCE,
  CBAM_MARKUP_SOURCE,
  DISRUPTION_SOURCE,
  FX_SOURCE,
  REFERENCE,
  cbamFreeAllocation,
  cbamMarkup,
  disruptionProbability,
  fxToEur,
  type ReferenceFigure,
} from './reference-data.ts';
import type { OfferInput, Range3, Scenario, TransportMode, Uncertain } from './types.ts';

export interface UncertainParam {
  /** -1 for a common input (drawn once, written into every offer). */
  offer: number;
  key: ParamKey;
  slot: number;
  low: number;
  likely: number;
  high: number;
  path: string;
  label: string;
  unit: string;
}

export interface OfferMeta {
  input: OfferInput;
  mode: TransportMode;
  originName: string;
  distanceNote: string;
  regionalShares: { bretagne: number; france: number; source: string };
  d2Reason: string;
  warnings: string[];
  /** Source of each parameter's value: 'saisie', 'calcul : …' or a reference's source. */
  sources: Map<ParamKey, string>;
}

export interface CompiledScenario {
  scenario: Scenario;
  base: Float64Array[];
  meta: OfferMeta[];
  uncertain: UncertainParam[];
  referenceIndex: number;
  referenceUsed: Map<string, ReferenceFigure>;
  year: number;
  warnings: string[];
}

export const EU_MEMBERS = new Set(
  // EU-27, Council of the EU, since 1 February 2020.
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU'.split(' '),
);
const DEFAULT_DESTINATION = { city: 'Rennes', lat: 48.11109, lon: -1.67431, portId: 'FRLEH' };

/** Rough box of Brittany (region 53): used only to guess the default regional share. */
export const inBrittany = (lat: number, lon: number) =>
  lat > 47.25 && lat < 48.95 && lon > -5.2 && lon < -1.0;

const isRange = (u: Uncertain | undefined): u is Range3 => typeof u === 'object' && u !== null;
const likely = (u: Uncertain): number => (isRange(u) ? u.likely : u);

function getPath(obj: unknown, path: readonly string[]): Uncertain | undefined {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return typeof cur === 'number' || isRange(cur as Uncertain) ? (cur as Uncertain) : undefined;
}

/** Door-to-door sea transit (days) by distance, calibrated on Shanghai → Le Havre (45 d Suez / 60 d Cape). */
export function seaTransitDays(
  originPortId: string,
  arrivalPortId: string,
  route: 'suez' | 'cape',
): number | null {
  const calib = seaDistanceKm('CNSHA', 'FRLEH', route);
  const lane = seaDistanceKm(originPortId, arrivalPortId, route);
  if (!calib || !lane) return null;
  const ref = route === 'cape' ? REFERENCE.doorToDoorCapeDays : REFERENCE.doorToDoorSuezDays;
  return Math.max(7, Math.round((ref.value * lane.km) / calib.km));
}

export function compileScenario(scenario: Scenario): Result<CompiledScenario, Problem[]> {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const referenceUsed = new Map<string, ReferenceFigure>();
  const useRef = (f: ReferenceFigure): string => {
    referenceUsed.set(f.id, f);
    return `${f.source} (au ${f.asOf})`;
  };
  const common = scenario.common;
  const year = common.year ?? 2026;
  const route = common.route ?? 'suez';
  const dest = { ...DEFAULT_DESTINATION, ...common.destination };
  const destPort = findPort(dest.portId ?? 'FRLEH');
  if (!destPort?.french) {
    problems.push({
      code: 'destination_port',
      message: `Port d’arrivée « ${dest.portId} » inconnu ou hors de France : choisissez Le Havre (FRLEH), Brest (FRBES), Montoir (FRMTX), Fos (FRFOS) ou Dunkerque (FRDKK).`,
    });
  }
  const detour = REFERENCE.roadDetourFactor.value;
  const roadKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
    greatCircleKm(a, b) * detour;

  const uncertain: UncertainParam[] = [];
  const commonValues = new Float64Array(NP);
  const commonSources = new Map<ParamKey, string>();

  // ---- common inputs
  const commonDefaults: Partial<Record<ParamKey, ReferenceFigure>> = {
    life: REFERENCE.productLifeYears,
    discount: REFERENCE.discountRate,
    r: REFERENCE.carryingRate,
    demandCv: REFERENCE.demandCv,
    carbonPrice: REFERENCE.carbonPrice,
  };
  for (const def of PARAMS as readonly ParamDef[]) {
    if (def.scope !== 'common') continue;
    const key = def.key as ParamKey;
    const raw = getPath(common, def.path);
    const slot = PI[key];
    if (raw === undefined) {
      const ref = commonDefaults[key];
      if (!ref) {
        problems.push({
          code: 'missing',
          message: `Donnée manquante : common.${def.path.join('.')} (${def.label}).`,
        });
        continue;
      }
      commonValues[slot] = ref.value;
      commonSources.set(key, useRef(ref));
    } else {
      commonValues[slot] = likely(raw);
      commonSources.set(key, 'saisie');
      if (isRange(raw))
        uncertain.push({
          offer: -1,
          key,
          slot,
          ...raw,
          path: `common.${def.path.join('.')}`,
          label: def.label,
          unit: def.unit,
        });
    }
  }
  const serviceLevel = common.serviceLevel ?? REFERENCE.serviceLevel.value;
  commonValues[PI.z] = normalQuantile(serviceLevel);
  commonSources.set(
    'z',
    common.serviceLevel === undefined ? useRef(REFERENCE.serviceLevel) : 'calcul : Φ⁻¹(taux de service)',
  );
  commonValues[PI.horizon] = common.horizonYears ?? REFERENCE.horizonYears.value;
  commonSources.set('horizon', common.horizonYears === undefined ? useRef(REFERENCE.horizonYears) : 'saisie');
  const Q = commonValues[PI.Q] as number;
  const unitKg = commonValues[PI.unitKg] as number;
  if (!(Q > 0))
    problems.push({
      code: 'volume',
      message: 'Le volume annuel doit être strictement positif (common.annualVolume).',
    });
  if (!(unitKg > 0))
    problems.push({
      code: 'weight',
      message: 'La masse unitaire doit être strictement positive (common.unitWeightKg).',
    });

  // reference seaKm of the calibration lane (Shanghai → Le Havre) for transit times
  const calib = seaDistanceKm('CNSHA', 'FRLEH', route);

  const base: Float64Array[] = [];
  const meta: OfferMeta[] = [];
  scenario.offers.forEach((offer, index) => {
    const v = new Float64Array(commonValues);
    const sources = new Map(commonSources);
    const ow: string[] = [];
    const where = `offre « ${offer.name} »`;
    const mode = offer.transport.mainMode;
    const country = offer.origin.country.toUpperCase();
    const inEu = EU_MEMBERS.has(country);
    const assumptions = scenario.assumptions ?? {};

    // ---- places
    const city = offer.origin.city ? findCity(offer.origin.city, country) : undefined;
    const originPort = findPort(offer.origin.portId ?? city?.portId ?? '');
    const site =
      offer.origin.lat !== undefined && offer.origin.lon !== undefined
        ? { lat: offer.origin.lat, lon: offer.origin.lon }
        : (city ?? originPort);
    const originName = offer.origin.city ?? originPort?.name ?? country;
    if (!site) {
      problems.push({
        code: 'origin',
        message: `${where} : origine introuvable — donnez un port de la liste (origin.portId), une ville connue ou des coordonnées (lat, lon).`,
      });
    }
    const arrival = findPort(offer.transport.arrivalPortId ?? destPort?.id ?? 'FRLEH') ?? destPort;
    let preKm = 0;
    let mainKm = 0;
    let onKm = 0;
    let distanceNote = '';
    if (site && arrival) {
      if (mode === 'sea') {
        if (!originPort) {
          problems.push({
            code: 'origin_port',
            message: `${where} : un trajet maritime demande un port d’origine (origin.portId, par ex. CNSZX).`,
          });
        } else {
          const sea = seaDistanceKm(originPort.id, arrival.id, route);
          if (!sea)
            problems.push({
              code: 'sea_route',
              message: `${where} : pas de route maritime connue de ${originPort.name} à ${arrival.name}.`,
            });
          else {
            mainKm = sea.km;
            preKm = roadKm(site, originPort);
            onKm = roadKm(arrival, dest);
            distanceNote = `mer ${originPort.name} → ${arrival.name} ${Math.round(sea.km)} km (${sea.route === 'suez' ? 'via Suez' : sea.route === 'cape' ? 'via le Cap' : 'route directe'}, graphe de points de passage, places.ts) ; route : vol d’oiseau × ${detour}`;
          }
        }
      } else if (mode === 'air') {
        mainKm = greatCircleKm(site, dest);
        distanceNote = `avion : orthodromie ${Math.round(mainKm)} km`;
      } else {
        mainKm = roadKm(site, dest);
        distanceNote = `${mode === 'rail' ? 'rail' : 'route'} : vol d’oiseau ${Math.round(greatCircleKm(site, dest))} km × ${detour} (${REFERENCE.roadDetourFactor.source})`;
        useRef(REFERENCE.roadDetourFactor);
      }
    }
    const airKm = site ? greatCircleKm(site, dest) : 0;

    // ---- FX
    const fxDefault = fxToEur(offer.currency, common.fxRates);
    if (offer.fxToEur === undefined && fxDefault === null) {
      problems.push({
        code: 'currency',
        message: `${where} : devise « ${offer.currency} » sans taux de référence — donnez fxToEur (euros pour 1 ${offer.currency}) ou common.fxRates.`,
      });
    }

    // ---- defaults (value + source) for every offer parameter
    const sea = mode === 'sea';
    const local = mode === 'road' && country === 'FR';
    const transitRef = route === 'cape' ? REFERENCE.doorToDoorCapeDays : REFERENCE.doorToDoorSuezDays;
    const transitDefault =
      mode === 'sea' && calib && mainKm > 0
        ? (seaTransitDays(originPort?.id ?? '', arrival?.id ?? '', route) ?? 45)
        : mode === 'air'
          ? 7
          : mode === 'rail'
            ? Math.max(2, Math.ceil(mainKm / 800))
            : Math.max(1, Math.ceil(mainKm / 600));
    const likelyQ = Q;
    const groupage =
      offer.landed?.freightPerKg !== undefined && offer.landed?.freightPerShipment === undefined;
    const defaultN = groupage
      ? 12
      : sea
        ? Math.max(1, Math.ceil((likelyQ * unitKg) / REFERENCE.containerPayloadKg.value))
        : mode === 'air'
          ? 12
          : 24;
    const usdToEur = fxToEur('USD', common.fxRates) ?? 1 / 1.16;
    const freightGiven =
      offer.landed?.freightPerShipment !== undefined || offer.landed?.freightPerKg !== undefined;
    const price =
      likely(offer.price) * (offer.fxToEur !== undefined ? likely(offer.fxToEur) : (fxDefault ?? 0));
    const cbam = offer.landed?.cbam;
    const cbamCategory = cbam?.category ?? 'none';
    const hyp = 'hypothèse Relocalisons (à ajuster)';

    type Def = { value: number; source: string };
    const dflt = (key: ParamKey): Def => {
      switch (key) {
        case 'fx':
          return {
            value: fxDefault ?? 0,
            source:
              common.fxRates?.[offer.currency] !== undefined
                ? 'saisie (common.fxRates)'
                : offer.currency === 'EUR'
                  ? 'euro'
                  : useRef(FX_SOURCE),
          };
        case 'toolingLife':
          return { value: NaN, source: 'calcul : durée de vie du produit' };
        case 'n':
          if (groupage) return { value: 12, source: `${hyp} : un envoi groupé par mois` };
          return sea
            ? {
                value: defaultN,
                source: `calcul : volume × masse / ${REFERENCE.containerPayloadKg.value} kg par conteneur (${useRef(REFERENCE.containerPayloadKg)})`,
              }
            : { value: defaultN, source: hyp };
        case 'freightShip':
          if (sea && !freightGiven)
            return {
              value: Math.round(REFERENCE.containerRate.value * usdToEur),
              source: `${useRef(REFERENCE.containerRate)}, converti en euros`,
            };
          return { value: 0, source: local ? 'franco : transport inclus dans le prix' : 'non saisi' };
        case 'inlandShip':
          if (sea) {
            const v = REFERENCE.preCarriagePerContainer.value + onKm * REFERENCE.truckCostPerKm.value;
            useRef(REFERENCE.truckCostPerKm);
            return {
              value: Math.round(v),
              source: `calcul : pré-acheminement ${REFERENCE.preCarriagePerContainer.value} € + ${Math.round(onKm)} km × ${REFERENCE.truckCostPerKm.value} €/km (${useRef(REFERENCE.preCarriagePerContainer)})`,
            };
          }
          return { value: 0, source: local ? 'franco : transport inclus dans le prix' : 'non saisi' };
        case 'ins':
          return local
            ? { value: 0, source: 'franco : risque transport au fournisseur' }
            : { value: REFERENCE.insuranceRate.value, source: useRef(REFERENCE.insuranceRate) };
        case 'brokerShip':
          return inEu
            ? { value: 0, source: 'origine UE : pas de dédouanement' }
            : { value: REFERENCE.brokerFeePerShipment.value, source: useRef(REFERENCE.brokerFeePerShipment) };
        case 'cbamBench':
          return { value: CBAM_BENCHMARK[cbamCategory] ?? 0, source: useRef(CBAM_BENCHMARK_SOURCE) };
        case 'prodWeeks':
          return { value: local ? 2 : 4, source: hyp };
        case 'transitDays':
          return sea
            ? {
                value: transitDefault,
                source: `calcul : ${transitRef.value} j porte à porte pour Shanghai → Le Havre, au prorata de la distance (${useRef(transitRef)})`,
              }
            : { value: transitDefault, source: mode === 'road' ? 'calcul : 600 km par jour de route' : hyp };
        case 'transitSigma':
          return sea
            ? {
                value:
                  Math.round(
                    REFERENCE.transitSigmaDays.value * Math.min(1, transitDefault / transitRef.value) * 10,
                  ) / 10,
                source: useRef(REFERENCE.transitSigmaDays),
              }
            : { value: mode === 'road' ? 0.5 : 2, source: hyp };
        case 'deposit':
          return inEu
            ? { value: 0, source: hyp }
            : { value: 0.3, source: `${hyp} : 30 % à la commande, usage courant en Asie` };
        case 'daysPay':
          return { value: NaN, source: 'calcul : fabrication + transit' };
        case 'disrP': {
          const p = disruptionProbability(country);
          return { value: p, source: useRef(DISRUPTION_SOURCE) };
        }
        case 'disrImpact':
          return { value: Math.round(0.1 * likelyQ * price), source: `${hyp} : 10 % de la dépense annuelle` };
        case 'ltCostWeek':
          return {
            value: REFERENCE.leadTimeCostPerWeek.value,
            source: useRef(REFERENCE.leadTimeCostPerWeek),
          };
        case 'fxBuffer':
          if (isRange(offer.fxToEur))
            return {
              value: 0,
              source:
                'le risque de change est porté par la fourchette du taux (Monte Carlo), pas par une provision',
            };
          return offer.currency === 'EUR'
            ? { value: 0, source: 'offre en euros' }
            : { value: REFERENCE.fxBufferRate.value, source: useRef(REFERENCE.fxBufferRate) };
        case 'preKm':
          return { value: preKm, source: `calcul : ${distanceNote}` };
        case 'mainKm':
          return { value: mainKm, source: `calcul : ${distanceNote}` };
        case 'onKm':
          return { value: onKm, source: `calcul : ${distanceNote}` };
        default:
          return { value: 0, source: 'non saisi (0)' };
      }
    };

    for (const def of PARAMS as readonly ParamDef[]) {
      if (def.scope !== 'offer') continue;
      const key = def.key as ParamKey;
      const raw = getPath(offer, def.path);
      const slot = PI[key];
      const path = `offers.${offer.id}.${def.path.join('.')}`;
      if (raw === undefined) {
        const dv = dflt(key);
        v[slot] = dv.value;
        sources.set(key, dv.source);
      } else {
        v[slot] = likely(raw);
        sources.set(key, assumptions[path] ?? 'saisie');
        if (isRange(raw))
          uncertain.push({
            offer: index,
            key,
            slot,
            ...raw,
            path,
            label: `${def.label} (${offer.name})`,
            unit: def.unit,
          });
      }
    }

    // ---- derived (fixed) slots
    v[PI.airKm] = airKm;
    const ef = {
      sea: REFERENCE.efSeaContainer,
      road: REFERENCE.efTruck,
      rail: REFERENCE.efRailFr,
      air: REFERENCE.efAirFreighter,
    }[mode];
    v[PI.efMain] = ef.value;
    v[PI.efRoad] = REFERENCE.efTruck.value;
    v[PI.efAir] = REFERENCE.efAirFreighter.value;
    sources.set('efMain', useRef(ef));
    sources.set('efRoad', useRef(REFERENCE.efTruck));
    sources.set('efAir', REFERENCE.efAirFreighter.source);
    if ((v[PI.airShare] as number) > 0) useRef(REFERENCE.efAirFreighter);
    useRef(REFERENCE.carbonPrice);
    const cat = inEu || cbamCategory === 'none' ? 0 : CBAM_ALWAYS_COVERED.has(cbamCategory) ? 2 : 1;
    v[PI.cbamCat] = cat;
    v[PI.cbamMarkup] = cbam?.usesDefaultValues === false ? 0 : cbamMarkup(year);
    v[PI.cbamFree] = cbamFreeAllocation(year);
    v[PI.cbamImporterT] = cbam?.importerCbamTonnesPerYear ?? NaN;
    v[PI.cbamThreshold] = REFERENCE.cbamThresholdTonnes.value;
    if (cat > 0) {
      useRef(REFERENCE.cbamThresholdTonnes);
      useRef(CBAM_MARKUP_SOURCE);
      useRef(CBAM_FREE_ALLOCATION_SOURCE);
      sources.set(
        'cbamMarkup',
        cbam?.usesDefaultValues === false
          ? 'données réelles vérifiées : pas de majoration'
          : CBAM_MARKUP_SOURCE.source,
      );
      sources.set('cbamFree', CBAM_FREE_ALLOCATION_SOURCE.source);
      if (cbam?.embeddedTco2ePerTonne === undefined)
        ow.push(
          `${where} : marchandise MACF sans émissions intrinsèques saisies (landed.cbam.embeddedTco2ePerTonne) : le MACF est compté à 0.`,
        );
    } else if (cbamCategory !== 'none' && inEu) {
      ow.push(`${where} : origine dans l’UE, le MACF ne s’applique pas.`);
    }
    if (!inEu && offer.landed?.dutyRate === undefined)
      ow.push(
        `${where} : droit de douane non saisi, 0 % supposé — vérifiez le taux TARIC du code NC pour ce pays.`,
      );

    // D2 policy: 'auto' resolves here so that the rule is visible in the explanation.
    const policy = offer.risk?.leadTimeMismatch ?? 'auto';
    const b5Given = likely(offer.stock?.obsolescenceUnits ?? 0) > 0;
    let d2Reason: string;
    if (policy === 'count') {
      v[PI.d2Policy] = 1;
      d2Reason = 'compté (choix de l’utilisateur)';
    } else if (policy === 'skip') {
      v[PI.d2Policy] = 2;
      d2Reason = 'non compté (choix de l’utilisateur)';
    } else if (b5Given) {
      v[PI.d2Policy] = 2;
      d2Reason =
        'non compté : le stock invendu d’un délai long est déjà chiffré en B5 (obsolescence) — règle anti double-compte';
    } else {
      v[PI.d2Policy] = 1;
      d2Reason =
        'compté : B5 n’est pas chiffré pour cette offre ; D1 couvre les ruptures (événements). Si votre impact D1 inclut déjà les urgences dues au délai, choisissez risk.leadTimeMismatch = « skip » (règle anti double-compte)';
    }
    v[PI.includeE3] = common.includeEmbodiedCarbon ? 1 : 0;

    // regional shares (T1)
    const bzh = country === 'FR' && site !== undefined && site !== null && inBrittany(site.lat, site.lon);
    const defaults = bzh ? [0.6, 0.85] : country === 'FR' ? [0.05, 0.85] : [0, 0.05];
    const regionalShares = {
      bretagne: offer.regional?.shareBretagne ?? (defaults[0] as number),
      france: offer.regional?.shareFrance ?? (defaults[1] as number),
      source:
        offer.regional?.shareBretagne !== undefined
          ? 'saisie'
          : `${hyp} : ${bzh ? 'fournisseur breton' : country === 'FR' ? 'fournisseur français hors Bretagne' : 'fournisseur étranger (logistique et douane en France)'}`,
    };
    warnings.push(...ow);
    base.push(v);
    meta.push({
      input: offer,
      mode,
      originName,
      distanceNote,
      regionalShares,
      d2Reason,
      warnings: ow,
      sources,
    });
  });

  if (problems.length > 0) return err(problems);
  const refId = common.referenceOfferId;
  let referenceIndex =
    refId !== undefined
      ? scenario.offers.findIndex((o) => o.id === refId)
      : scenario.offers.findIndex((o) => o.role === 'local');
  if (refId !== undefined && referenceIndex < 0)
    return err([
      { code: 'reference', message: `common.referenceOfferId « ${refId} » ne correspond à aucune offre.` },
    ]);
  if (referenceIndex < 0) referenceIndex = scenario.offers.length - 1;
  return ok({ scenario, base, meta, uncertain, referenceIndex, referenceUsed, year, warnings });
}

/** Copies of the base vectors (the Monte Carlo and the solvers write into copies). */
export const cloneVectors = (vs: readonly Float64Array[]): Float64Array[] =>
  vs.map((v) => new Float64Array(v));
