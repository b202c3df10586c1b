// « Comparer deux offres » (issue 5, point 6): quick and expert modes on the same model,
// instant recomputation (Monte Carlo in a Web Worker), results explained line by line,
// charts, the scenario in the URL, a PDF dossier and batch screening.
import { useEffect, useMemo, useRef, useState } from 'react';
import { scenarioSchema } from '../../../api/tco.ts';
import { expandQuickInput, findPort, type Scenario, type TcoResult } from '../../../core/tco/index.ts';
import { Page } from '../../components/page.tsx';
import { BatchScreening } from './batch.tsx';
import { allCharts } from './charts-data.ts';
import { download } from './download.ts';
import { ExpertForm } from './expert-form.tsx';
import { verdictSentence } from './format.ts';
import { QuickFormView } from './quick-form.tsx';
import {
  exampleQuickForm,
  overlayRanges,
  quickFormSchema,
  toQuickInput,
  type QuickForm,
} from './quick-form-state.ts';
import { Results } from './results.tsx';
import { decodeState, encodeState, shareUrl, stateFromHash } from './url-state.ts';
import { useTco } from './use-tco.ts';
import './compare.css';

type Mode = 'quick' | 'expert';

/** Short display names: "Shenzhen" for the port "Shenzhen (Yantian)", the city for the local offer. */
function quickScenario(form: QuickForm): Scenario {
  const s = overlayRanges(expandQuickInput(toQuickInput(form)), form);
  const port = findPort(form.farOriginPortId);
  for (const o of s.offers) {
    if (o.role === 'far' && port) o.name = port.name.replace(/\s*\(.*\)\s*$/, '');
    if (o.role === 'local' && form.localCity.trim()) o.name = form.localCity.trim();
  }
  return s;
}

function verdictOf(result: TcoResult): string {
  const pair = result.comparisons[0];
  const ref = result.offers.find((o) => o.offerId === pair?.referenceOfferId);
  const other = result.offers.find((o) => o.offerId === pair?.otherOfferId);
  if (!pair || !ref || !other) return '';
  return verdictSentence({
    farName: other.name,
    localName: ref.name,
    farPrice: other.priceEurPerUnit,
    localPrice: ref.priceEurPerUnit,
    farTco: other.tcoPerUnit,
    localTco: ref.tcoPerUnit,
  });
}

interface SharedState {
  v: 1;
  mode: Mode;
  quick?: QuickForm;
  scenario?: Scenario;
}

export function ComparePage() {
  const [mode, setMode] = useState<Mode>('quick');
  const [quick, setQuick] = useState<QuickForm>(exampleQuickForm);
  const [expert, setExpert] = useState<Scenario | null>(null);
  /** Bumped when the inputs are replaced as a whole (shared link, mode switch): remounts the fields. */
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState('');
  // Without a shared link in the address there is nothing to read first.
  const [loaded, setLoaded] = useState(() => stateFromHash(window.location.hash) === null);
  const [pdfBusy, setPdfBusy] = useState(false);
  const lastEncoded = useRef('');

  // Read a shared scenario from the link once.
  useEffect(() => {
    const encoded = stateFromHash(window.location.hash);
    if (!encoded) return;
    void decodeState(encoded).then((decoded) => {
      if (!decoded.ok) setNotice(decoded.message);
      else {
        const v = decoded.value as Partial<SharedState>;
        const q = quickFormSchema.safeParse(v.quick);
        const s = scenarioSchema.safeParse(v.scenario);
        if (v.mode === 'expert' && s.success) {
          setExpert(s.data as Scenario);
          setMode('expert');
          if (q.success) setQuick(q.data);
        } else if (q.success) {
          setQuick(q.data);
          setMode('quick');
        } else {
          setNotice(
            'Le scénario du lien n’a pas pu être relu (données invalides) ; le scénario par défaut est affiché.',
          );
        }
        lastEncoded.current = encoded;
        setRevision((r) => r + 1);
      }
      setLoaded(true);
    });
  }, []);

  const scenario = useMemo<Scenario | null>(() => {
    if (mode === 'expert' && expert) return expert;
    try {
      return quickScenario(quick);
    } catch {
      return null;
    }
  }, [mode, quick, expert]);

  const { result, problems, simulating, simulationMs, computedFrom } = useTco(loaded ? scenario : null);
  // New inputs wait for their debounce, then for the simulation: the dossier must not show older figures.
  const settled = result !== null && !simulating && computedFrom === scenario;
  // A click on « dossier PDF » waits for the figures of the latest inputs (debounce, then simulation).
  const latestFigures = useRef({ result, scenario, problems, settled });
  const settledWaiters = useRef<Array<() => void>>([]);
  useEffect(() => {
    latestFigures.current = { result, scenario, problems, settled };
    if (settled || problems.length > 0 || !scenario)
      for (const wake of settledWaiters.current.splice(0)) wake();
  });
  function whenSettled(): Promise<void> {
    const now = latestFigures.current;
    if (now.settled || now.problems.length > 0 || !now.scenario) return Promise.resolve();
    return new Promise((resolve) => settledWaiters.current.push(resolve));
  }
  const verdict = result ? verdictOf(result) : '';

  // Keep the URL in step with the inputs (fragment only: never sent to the server).
  useEffect(() => {
    if (!loaded) return;
    const state: SharedState =
      mode === 'quick' ? { v: 1, mode, quick } : { v: 1, mode, quick, scenario: expert ?? undefined };
    const timer = setTimeout(() => {
      void encodeState(state).then((encoded) => {
        if (encoded === lastEncoded.current) return;
        lastEncoded.current = encoded;
        window.history.replaceState(window.history.state, '', shareUrl(window.location.href, encoded));
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [loaded, mode, quick, expert]);

  function switchMode(next: Mode) {
    if (next === mode) return;
    if (next === 'expert' && scenario) setExpert(structuredClone(scenario));
    setMode(next);
    setRevision((r) => r + 1);
  }

  async function copyLink() {
    const encoded = await encodeState(
      mode === 'quick' ? { v: 1, mode, quick } : { v: 1, mode, quick, scenario: expert },
    );
    const url = shareUrl(window.location.href, encoded);
    try {
      await navigator.clipboard.writeText(url);
      setNotice(
        'Lien copié : il contient tout le scénario (les chiffres restent dans le lien, pas sur nos serveurs).',
      );
    } catch {
      window.prompt('Copiez ce lien :', url);
    }
  }

  async function downloadPdf() {
    setPdfBusy(true);
    try {
      await whenSettled();
      const { result, scenario, problems, settled } = latestFigures.current;
      if (!settled || !result || !scenario || problems.length > 0) {
        setNotice('Le dossier PDF attend des données complètes : corrigez celles qui sont signalées.');
        return;
      }
      const { buildDossier, dossierFileName } = await import('./pdf-dossier.ts');
      const product = scenario.product ?? quick.product;
      const date = new Date();
      const blob = await buildDossier({
        product,
        scenario,
        result,
        verdict: verdictOf(result),
        charts: allCharts(result),
        link: window.location.href,
        date,
      });
      download(dossierFileName(product, date), blob);
      setNotice('Dossier PDF téléchargé.');
    } catch (e) {
      setNotice(
        `Le dossier PDF n’a pas pu être créé (${e instanceof Error ? e.message : 'erreur inconnue'}). Réessayez.`,
      );
    } finally {
      setPdfBusy(false);
    }
  }

  return (
    <Page
      title="Comparer deux offres en coût complet"
      lead="Le prix unitaire ne dit pas tout : transport, droits de douane, stocks, qualité, risques et carbone font souvent la différence."
    >
      <form className="compare-form" onSubmit={(e) => e.preventDefault()} aria-label="Scénario à comparer">
        <fieldset className="mode-switch">
          <legend>Mode de saisie</legend>
          <label className="radio">
            <input
              type="radio"
              name="mode"
              value="quick"
              checked={mode === 'quick'}
              onChange={() => switchMode('quick')}
            />{' '}
            Rapide (8 données, valeurs par défaut sourcées)
          </label>
          <label className="radio">
            <input
              type="radio"
              name="mode"
              value="expert"
              checked={mode === 'expert'}
              onChange={() => switchMode('expert')}
            />{' '}
            Expert (tous les facteurs)
          </label>
        </fieldset>
        <p className="muted">
          Chaque donnée peut être une valeur unique ou une fourchette (basse, probable, haute) : bouton «
          Fourchette ». Le calcul se met à jour pendant la saisie, dans votre navigateur.
        </p>
        {mode === 'quick' ? (
          <QuickFormView
            key={`q${revision}`}
            form={quick}
            onChange={setQuick}
            referenceData={result?.referenceData ?? []}
            scenario={scenario}
          />
        ) : expert ? (
          <>
            <p className="muted">
              Le mode expert part du scénario du mode rapide ; revenir au mode rapide reprend ses 8 données.
            </p>
            <ExpertForm key={`e${revision}`} scenario={expert} onChange={setExpert} />
          </>
        ) : null}
      </form>

      <div className="compare-actions">
        <button type="button" onClick={() => void copyLink()}>
          Copier le lien
        </button>
        <button type="button" onClick={() => void downloadPdf()} disabled={!result || pdfBusy}>
          {pdfBusy ? 'Préparation du dossier…' : 'Télécharger le dossier PDF'}
        </button>
      </div>
      <p role="status" aria-live="polite" className="status">
        {notice}
      </p>

      {problems.length > 0 ? (
        <div className="error" role="alert">
          <p>Le calcul ne peut pas se faire :</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div aria-busy={simulating}>
        {result ? (
          <Results result={result} verdict={verdict} simulating={simulating} />
        ) : (
          <p>Calcul en cours…</p>
        )}
        {simulationMs !== null && result?.uncertainty ? (
          <p className="muted small">
            Simulation : {result.uncertainty.draws.toLocaleString('fr-FR')} tirages en{' '}
            {Math.round(simulationMs)} ms, dans un processus séparé de la page.
          </p>
        ) : null}
      </div>

      <BatchScreening />
    </Page>
  );
}
