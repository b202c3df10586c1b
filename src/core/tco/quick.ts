// Quick mode: about eight inputs expanded into a full scenario with the project's starting
// hypotheses, each written as an explicit input (so expert mode shows and edits them) and listed in
// `assumptions` with its source. Uncertain hypotheses are ranges, so the Monte Carlo has something
// to say: freight, FX, transit time, defects, disruptions, escalation, carrying rate, carbon price.
import { findCity, findPort } from './places.ts';
import { REFERENCE, disruptionProbability, fxToEur } from './reference-data.ts';
import { seaTransitDays } from './resolve.ts';
import type { OfferInput, QuickInput, Range3, Scenario } from './types.ts';

const HYP = 'hypothèse du mode rapide (Relocalisons), à ajuster en mode expert';
const range = (low: number, likely: number, high: number): Range3 => ({ low, likely, high });
const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

export function expandQuickInput(q: QuickInput): Scenario {
  const assumptions: Record<string, string> = {};
  const note = (path: string, source: string = HYP) => {
    assumptions[path] = source;
  };
  const port = findPort(q.far.originPortId);
  const farCountry = port?.country ?? 'CN';
  const route = 'suez' as const;
  const fx = fxToEur(q.far.currency) ?? 1;
  const farPriceEur = q.far.price * fx;
  const transit = seaTransitDays(q.far.originPortId, 'FRLEH', route) ?? REFERENCE.doorToDoorSuezDays.value;

  const landed: NonNullable<OfferInput['landed']> = { dutyRate: q.dutyRate ?? 0 };
  if (q.dutyRate !== undefined) note('offers.far.landed.dutyRate', 'saisie (taux TARIC)');
  else note('offers.far.landed.dutyRate', 'non saisi : 0 % supposé — vérifiez le TARIC');
  if (q.freight === 'fcl') {
    const rate = Math.round(REFERENCE.containerRate.value * (fxToEur('USD') ?? 0.86));
    landed.freightPerShipment = range(Math.round(rate * 0.7), rate, Math.round(rate * 2.5));
    note(
      'offers.far.landed.freightPerShipment',
      `${REFERENCE.containerRate.source} ; fourchette 0,7× à 2,5× (volatilité 2021–2025)`,
    );
  } else if (q.freight === 'lcl') {
    const kg = REFERENCE.lclRatePerKg.value;
    landed.freightPerKg = range(r2(kg * 0.7), kg, r2(kg * 1.8));
    landed.shipmentsPerYear = 12;
    landed.inlandPerShipment = 250;
    note('offers.far.landed.freightPerKg', REFERENCE.lclRatePerKg.source);
    note('offers.far.landed.shipmentsPerYear', `${HYP} : un envoi groupé par mois`);
    note('offers.far.landed.inlandPerShipment', `${HYP} : livraison d’un lot de groupage`);
  } else {
    landed.freightPerShipment = 0;
    landed.inlandPerShipment = 0;
    landed.insuranceRate = 0;
    note('offers.far.landed.freightPerShipment', 'rendu (DAP/DDP) : transport inclus dans le prix');
    note('offers.far.landed.inlandPerShipment', 'rendu (DAP/DDP) : transport inclus dans le prix');
    note('offers.far.landed.insuranceRate', 'rendu (DAP/DDP) : risque transport au fournisseur');
  }
  const pFar = disruptionProbability(farCountry);
  const far: OfferInput = {
    id: 'far',
    name: `Offre lointaine (${port?.name ?? q.far.originPortId})`,
    role: 'far',
    origin: { portId: q.far.originPortId, country: farCountry },
    currency: q.far.currency,
    price: q.far.price,
    transport: { mainMode: 'sea' },
    landed,
    stock: { transitDays: range(Math.max(5, transit - 5), transit, transit + 15) },
    quality: {
      defectRate: range(0.005, 0.02, 0.05),
      costPerDefect: r2(farPriceEur),
      tripsPerYear: 1,
      costPerTrip: 4000,
      managementHoursPerYear: 40,
      hourlyRate: 60,
    },
    risk: {
      disruptionProbability: range(r4(pFar / 2), pFar, r4(Math.min(1, pFar * 2))),
      escalationRate: range(0, 0.03, 0.06),
    },
  };
  if (q.far.currency !== 'EUR') {
    far.fxToEur = range(r4(fx * 0.92), r4(fx), r4(fx * 1.08));
    note('offers.far.fxToEur', `${REFERENCE.fxBufferRate.source} ; taux BCE approché ±8 % sur un an`);
  }
  note('offers.far.stock.transitDays', `${REFERENCE.doorToDoorSuezDays.source} ; −5 / +15 jours (retards)`);
  note(
    'offers.far.quality.defectRate',
    `${HYP} : 0,5–5 % de défauts, coût d’un défaut = prix de remplacement`,
  );
  note('offers.far.quality.costPerDefect', `${HYP} : prix de remplacement`);
  note('offers.far.quality.tripsPerYear', `${HYP} : un audit par an`);
  note('offers.far.quality.costPerTrip', `${HYP} : voyage et séjour en Asie`);
  note('offers.far.quality.managementHoursPerYear', `${HYP} : suivi d’un fournisseur lointain`);
  note('offers.far.quality.hourlyRate', `${HYP} : coût horaire chargé d’un acheteur`);
  note('offers.far.risk.disruptionProbability', 'point de départ par pays (reference-data.ts), de ½× à 2×');
  note('offers.far.risk.escalationRate', `${HYP} : 0 à 6 % par an`);

  const city = findCity(q.local.city, 'FR');
  const pLocal = disruptionProbability('FR');
  const local: OfferInput = {
    id: 'local',
    name: `Offre locale (${q.local.city})`,
    role: 'local',
    origin: {
      city: q.local.city,
      country: 'FR',
      ...(q.local.lat !== undefined && q.local.lon !== undefined
        ? { lat: q.local.lat, lon: q.local.lon }
        : city
          ? { lat: city.lat, lon: city.lon }
          : {}),
    },
    currency: 'EUR',
    price: q.local.price,
    transport: { mainMode: 'road' },
    quality: {
      defectRate: range(0.002, 0.01, 0.03),
      costPerDefect: r2(q.local.price),
      tripsPerYear: 2,
      costPerTrip: 300,
      managementHoursPerYear: 12,
      hourlyRate: 60,
    },
    risk: {
      disruptionProbability: range(r4(pLocal / 2), pLocal, r4(pLocal * 2)),
      escalationRate: range(0, 0.02, 0.04),
    },
  };
  note('offers.local.quality.defectRate', `${HYP} : 0,2–3 % de défauts`);
  note('offers.local.quality.costPerDefect', `${HYP} : prix de remplacement`);
  note('offers.local.quality.tripsPerYear', `${HYP} : deux visites par an`);
  note('offers.local.quality.costPerTrip', `${HYP} : déplacement en région`);
  note('offers.local.quality.managementHoursPerYear', `${HYP} : suivi d’un fournisseur proche`);
  note('offers.local.quality.hourlyRate', `${HYP} : coût horaire chargé d’un acheteur`);
  note('offers.local.risk.disruptionProbability', 'point de départ par pays (reference-data.ts), de ½× à 2×');
  note('offers.local.risk.escalationRate', `${HYP} : 0 à 4 % par an`);
  note('common.carryingRate', `${REFERENCE.carryingRate.source} ; fourchette 20–30 %`);
  note('common.carbonPrice', `${REFERENCE.carbonPrice.source} ; fourchette 65–110 €/t`);

  return {
    title: `${q.product} : ${far.name} ou ${local.name}`,
    product: q.product,
    common: {
      annualVolume: q.annualVolume,
      unitWeightKg: q.unitWeightKg,
      carryingRate: range(0.2, REFERENCE.carryingRate.value, 0.3),
      carbonPrice: range(65, REFERENCE.carbonPrice.value, 110),
      route,
    },
    offers: [far, local],
    assumptions,
  };
}
