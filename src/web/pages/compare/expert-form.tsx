// Expert mode: every factor of the model, in collapsible sections (native <details>), the
// offers side by side. Same scenario, same model as quick mode.
import type { OfferInput, Scenario } from '../../../core/tco/index.ts';
import { commonFields, getPath, offerGroups, setPath } from './expert-fields.ts';
import { UncertainField } from './uncertain-field.tsx';

export function ExpertForm({ scenario, onChange }: { scenario: Scenario; onChange: (s: Scenario) => void }) {
  const setOffer = (i: number, offer: OfferInput) =>
    onChange({ ...scenario, offers: scenario.offers.map((o, k) => (k === i ? offer : o)) });

  return (
    <div className="expert-form">
      <details open>
        <summary>Données communes</summary>
        <div className="field-grid">
          {commonFields.map((f) => (
            <UncertainField
              key={f.path.join('.')}
              label={f.label}
              unit={f.unit}
              percent={f.percent}
              hint={f.hint}
              required={f.path[0] === 'annualVolume' || f.path[0] === 'unitWeightKg'}
              value={getPath(scenario.common, f.path)}
              onChange={(v) => {
                if (v === undefined && (f.path[0] === 'annualVolume' || f.path[0] === 'unitWeightKg')) return;
                onChange({ ...scenario, common: setPath(scenario.common, f.path, v) });
              }}
            />
          ))}
        </div>
      </details>

      <details open>
        <summary>Les offres : prix et origine</summary>
        <div className="offers-columns">
          {scenario.offers.map((o, i) => (
            <fieldset key={o.id}>
              <legend>{o.name}</legend>
              <div className="field">
                <label htmlFor={`x-${o.id}-name`}>Nom de l’offre</label>
                <input
                  id={`x-${o.id}-name`}
                  type="text"
                  value={o.name}
                  onChange={(e) => setOffer(i, { ...o, name: e.target.value })}
                />
              </div>
              <UncertainField
                label={`Prix unitaire (${o.currency})`}
                required
                value={o.price}
                onChange={(v) => v !== undefined && setOffer(i, { ...o, price: v })}
              />
              <div className="field">
                <label htmlFor={`x-${o.id}-mode`}>Mode du trajet principal</label>
                <select
                  id={`x-${o.id}-mode`}
                  value={o.transport.mainMode}
                  onChange={(e) =>
                    setOffer(i, {
                      ...o,
                      transport: {
                        ...o.transport,
                        mainMode: e.target.value as OfferInput['transport']['mainMode'],
                      },
                    })
                  }
                >
                  <option value="sea">Mer</option>
                  <option value="road">Route</option>
                  <option value="rail">Rail</option>
                  <option value="air">Air</option>
                </select>
              </div>
            </fieldset>
          ))}
        </div>
      </details>

      {offerGroups.map((g) => (
        <details key={g.key}>
          <summary>{g.title}</summary>
          <div className="offers-columns">
            {scenario.offers.map((o, i) => (
              <fieldset key={o.id}>
                <legend>
                  {g.title} — {o.name}
                </legend>
                {g.fields.map((f) => (
                  <UncertainField
                    key={f.path.join('.')}
                    label={f.label}
                    unit={f.unit}
                    percent={f.percent}
                    hint={f.hint}
                    value={getPath(o, f.path)}
                    onChange={(v) => setOffer(i, setPath(o, f.path, v))}
                  />
                ))}
              </fieldset>
            ))}
          </div>
        </details>
      ))}

      <details>
        <summary>Valeur pour le territoire et options</summary>
        <div className="field-grid">
          <UncertainField
            label="Total de vos achats annuels (pour l’effet sur l’IBAL)"
            unit="€"
            allowRange={false}
            value={scenario.common.companyAnnualPurchases}
            onChange={(v) =>
              onChange({
                ...scenario,
                common: setPath(
                  scenario.common,
                  ['companyAnnualPurchases'],
                  typeof v === 'number' ? v : undefined,
                ),
              })
            }
          />
          <div className="field">
            <label htmlFor="x-route">Route maritime</label>
            <select
              id="x-route"
              value={scenario.common.route ?? 'suez'}
              onChange={(e) =>
                onChange({
                  ...scenario,
                  common: { ...scenario.common, route: e.target.value as 'suez' | 'cape' },
                })
              }
            >
              <option value="suez">Canal de Suez</option>
              <option value="cape">Cap de Bonne-Espérance</option>
            </select>
          </div>
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={scenario.common.includeEmbodiedCarbon ?? false}
                onChange={(e) =>
                  onChange({
                    ...scenario,
                    common: { ...scenario.common, includeEmbodiedCarbon: e.target.checked },
                  })
                }
              />{' '}
              Ajouter le carbone intrinsèque du produit (E3) au coût complet
            </label>
          </div>
        </div>
      </details>
    </div>
  );
}
