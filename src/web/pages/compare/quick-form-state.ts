// Quick mode's own inputs. The core's QuickInput takes single values; here every number may
// also be a range, so the page expands the likely values with the core's defaults and then
// puts the ranges back on the expanded scenario (same model, same defaults).
import { z } from 'zod';
import { uncertainSchema } from '../../../api/tco.ts';
import type { QuickInput, Scenario, Uncertain } from '../../../core/tco/index.ts';
import { likelyOf } from './number-input.ts';

export interface QuickForm {
  product: string;
  annualVolume: Uncertain;
  unitWeightKg: Uncertain;
  farPrice: Uncertain;
  farCurrency: string;
  farOriginPortId: string;
  localPrice: Uncertain;
  localCity: string;
  freight: QuickInput['freight'];
  /** Customs duty as a fraction (0.027 = 2,7 %). */
  dutyRate: Uncertain;
}

export const quickFormSchema = z
  .object({
    product: z.string().max(200),
    annualVolume: uncertainSchema,
    unitWeightKg: uncertainSchema,
    farPrice: uncertainSchema,
    farCurrency: z.string().regex(/^[A-Z]{3}$/),
    farOriginPortId: z.string().min(2).max(10),
    localPrice: uncertainSchema,
    localCity: z.string().max(120),
    freight: z.enum(['fcl', 'lcl', 'delivered']),
    dutyRate: uncertainSchema,
  })
  .strict();

/** The worked example of the issue: machined aluminium housings, Shenzhen against a Breton workshop. */
export const exampleQuickForm: QuickForm = {
  product: 'Boîtier aluminium usiné',
  annualVolume: 10000,
  unitWeightKg: 0.45,
  farPrice: 4.6,
  farCurrency: 'USD',
  farOriginPortId: 'CNSZX',
  localPrice: 5.4,
  localCity: 'Loudéac',
  freight: 'fcl',
  dutyRate: 0.027,
};

/** The core's quick input: the likely value of each field. */
export function toQuickInput(f: QuickForm): QuickInput {
  return {
    product: f.product.trim() || 'Produit',
    annualVolume: likelyOf(f.annualVolume) ?? 0,
    unitWeightKg: likelyOf(f.unitWeightKg) ?? 0,
    far: { price: likelyOf(f.farPrice) ?? 0, currency: f.farCurrency, originPortId: f.farOriginPortId },
    local: { price: likelyOf(f.localPrice) ?? 0, city: f.localCity.trim() || 'Rennes' },
    freight: f.freight,
    dutyRate: likelyOf(f.dutyRate) ?? 0,
  };
}

/** Puts the quick form's ranges back on the scenario the core expanded from its likely values. */
export function overlayRanges(scenario: Scenario, f: QuickForm): Scenario {
  const s: Scenario = structuredClone(scenario);
  s.common.annualVolume = f.annualVolume;
  s.common.unitWeightKg = f.unitWeightKg;
  const far = s.offers.find((o) => o.role === 'far');
  const local = s.offers.find((o) => o.role === 'local');
  if (far) {
    far.price = f.farPrice;
    if (typeof f.dutyRate !== 'number') far.landed = { ...far.landed, dutyRate: f.dutyRate };
  }
  if (local) local.price = f.localPrice;
  return s;
}
