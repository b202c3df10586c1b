// Quick mode: about eight inputs; everything else comes from the model's defaults, listed
// with their sources under the form.
import { useId } from 'react';
import {
  fxToEur,
  listCities,
  listPorts,
  type ReferenceUsed,
  type Scenario,
  type Uncertain,
} from '../../../core/tco/index.ts';
import { isPercentPath, labelOfPath, valueAtPath } from './expert-fields.ts';
import { Disclosure } from './explain.tsx';
import { num } from './format.ts';
import type { QuickForm } from './quick-form-state.ts';
import { UncertainField } from './uncertain-field.tsx';

const CURRENCIES = [
  ['USD', 'dollar américain'],
  ['CNY', 'yuan chinois'],
  ['EUR', 'euro'],
  ['JPY', 'yen japonais'],
  ['INR', 'roupie indienne'],
  ['GBP', 'livre sterling'],
  ['TRY', 'livre turque'],
] as const;

const FREIGHT = [
  ['fcl', 'Conteneurs complets (fret par conteneur)'],
  ['lcl', 'Groupage (fret au kilo)'],
  ['delivered', 'Prix livré chez moi (rendu droits acquittés ou non)'],
] as const;

export function QuickFormView({
  form,
  onChange,
  referenceData,
  scenario,
}: {
  form: QuickForm;
  onChange: (f: QuickForm) => void;
  referenceData: ReferenceUsed[];
  /** The expanded scenario: its `assumptions` say where each default comes from. */
  scenario: Scenario | null;
}) {
  const id = useId();
  const set = <K extends keyof QuickForm>(key: K, value: QuickForm[K]) => onChange({ ...form, [key]: value });
  const ports = listPorts().filter((p) => !p.french);
  const frenchCities = listCities().filter((c) => c.country === 'FR');
  const fx = referenceData.find((r) => r.id === 'fx');
  const rate = fxToEur(form.farCurrency);

  return (
    <div className="quick-form">
      <fieldset>
        <legend>Le produit</legend>
        <div className="field">
          <label htmlFor={`${id}-product`}>Produit ou référence</label>
          <input
            id={`${id}-product`}
            name="product"
            type="text"
            value={form.product}
            onChange={(e) => set('product', e.target.value)}
            autoComplete="off"
          />
        </div>
        <UncertainField
          name="annualVolume"
          label="Volume annuel"
          unit="unités par an"
          required
          value={form.annualVolume}
          onChange={(v) => v !== undefined && set('annualVolume', v)}
          hint="Quantité achetée sur douze mois."
        />
        <UncertainField
          name="unitWeightKg"
          label="Masse d’une unité"
          unit="kg"
          required
          value={form.unitWeightKg}
          onChange={(v) => v !== undefined && set('unitWeightKg', v)}
          hint="Sert au fret au kilo, au carbone du transport et au MACF."
        />
      </fieldset>

      <fieldset>
        <legend>L’offre lointaine</legend>
        <UncertainField
          name="farPrice"
          label="Prix unitaire"
          unit={form.farCurrency}
          required
          value={form.farPrice}
          onChange={(v) => v !== undefined && set('farPrice', v)}
          hint="Prix départ usine ou FOB, hors transport."
        />
        <div className="field">
          <label htmlFor={`${id}-currency`}>Devise du prix</label>
          <select
            id={`${id}-currency`}
            name="farCurrency"
            value={form.farCurrency}
            onChange={(e) => set('farCurrency', e.target.value)}
          >
            {CURRENCIES.map(([code, name]) => (
              <option key={code} value={code}>
                {code} — {name}
              </option>
            ))}
          </select>
          {rate !== null && form.farCurrency !== 'EUR' ? (
            <p className="uf-hint">
              1 {form.farCurrency} = {num(rate, 4)} € —{' '}
              {fx ? `${fx.source} (${fx.asOf})` : 'taux de référence BCE'} ; le mode rapide retient une
              fourchette de ± 8 %, modifiable en mode expert.
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-port`}>Port de départ</label>
          <select
            id={`${id}-port`}
            name="farOriginPortId"
            value={form.farOriginPortId}
            onChange={(e) => set('farOriginPortId', e.target.value)}
          >
            {ports.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.country})
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>L’offre locale</legend>
        <UncertainField
          name="localPrice"
          label="Prix unitaire"
          unit="€"
          required
          value={form.localPrice}
          onChange={(v) => v !== undefined && set('localPrice', v)}
          hint="Prix rendu chez vous, hors taxes."
        />
        <div className="field">
          <label htmlFor={`${id}-city`}>Ville du fournisseur</label>
          <input
            id={`${id}-city`}
            name="localCity"
            type="text"
            list={`${id}-cities`}
            value={form.localCity}
            onChange={(e) => set('localCity', e.target.value)}
            autoComplete="off"
            aria-describedby={`${id}-city-hint`}
          />
          <datalist id={`${id}-cities`}>
            {frenchCities.map((c) => (
              <option key={c.name} value={c.name} />
            ))}
          </datalist>
          <p id={`${id}-city-hint`} className="uf-hint">
            Une ville de la liste donne la distance routière ; sinon, distance par défaut (voir les
            avertissements).
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>Transport et douane</legend>
        <div className="field">
          <fieldset className="radios">
            <legend>Comment voyage l’offre lointaine ?</legend>
            {FREIGHT.map(([value, label]) => (
              <label key={value} className="radio">
                <input
                  type="radio"
                  name={`${id}-freight`}
                  value={value}
                  checked={form.freight === value}
                  onChange={() => set('freight', value)}
                />
                <span>{label}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <UncertainField
          name="dutyRate"
          label="Droit de douane"
          percent
          value={form.dutyRate}
          onChange={(v) => set('dutyRate', v ?? 0)}
          hint="Taux du tarif douanier de l’UE (TARIC) pour le code NC du produit et son origine."
        />
      </fieldset>

      <Disclosure label="Valeurs par défaut utilisées et leurs sources">
        <span className="explain">
          <span className="explain-title">Hypothèses du mode rapide (modifiables en mode expert)</span>
          <ul>
            {Object.entries(scenario?.assumptions ?? {}).map(([path, source]) => (
              <li key={path}>
                {labelOfPath(scenario ?? { offers: [] }, path)} :{' '}
                <strong>
                  {scenario ? showValue(valueAtPath(scenario, path), isPercentPath(path)) : '—'}
                </strong>{' '}
                — {source}
              </li>
            ))}
          </ul>
          <span className="explain-title">Données de référence</span>
          <ul>
            {referenceData.map((r) => (
              <li key={r.id}>
                {r.label} : {num(r.value, 4)} {r.unit} — {r.source} ({r.asOf})
              </li>
            ))}
          </ul>
        </span>
      </Disclosure>
    </div>
  );
}

function showValue(v: Uncertain | undefined, percent: boolean): string {
  if (v === undefined) return '—';
  const f = (x: number) => (percent ? `${num(x * 100, 2)} %` : num(x, 4));
  return typeof v === 'number' ? f(v) : `${f(v.likely)} (de ${f(v.low)} à ${f(v.high)})`;
}
