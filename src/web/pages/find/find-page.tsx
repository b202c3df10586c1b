// « Trouver un fournisseur » (/trouver): search the directory of Breton establishments (SIRENE) with
// filters, facet counts, a map beside the list, exports; the whole search lives in the URL.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  exportMaxRows,
  headcountBands,
  type HeadcountBand,
  searchResponseSchema,
  type Facets,
  type SearchResponse,
} from '../../../api/establishments.ts';
import { Page } from '../../components/page.tsx';
import { formatCount, plural } from './format.ts';
import { establishmentPath, ResultList, ResultMap } from './results.tsx';
import { NafFilter } from './naf-filter.tsx';
import { PlaceCombobox } from './place-combobox.tsx';
import {
  parseSearch,
  radiusChoicesKm,
  serialiseSearch,
  toApiQuery,
  withFilters,
  type SearchState,
} from './search-state.ts';
import { useApi } from './use-api.ts';
import './find.css';

const bretonDepartments = [
  { code: '22', label: 'Côtes-d’Armor' },
  { code: '29', label: 'Finistère' },
  { code: '35', label: 'Ille-et-Vilaine' },
  { code: '56', label: 'Morbihan' },
];

/** INSEE headcount bands from the smallest to the largest (object keys would put « 11 » before « 00 »). */
const headcountOrder: HeadcountBand[] = [
  'NN',
  '00',
  '01',
  '02',
  '03',
  '11',
  '12',
  '21',
  '22',
  '31',
  '32',
  '41',
  '42',
  '51',
  '52',
  '53',
];

export function FindPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const search = useMemo(() => parseSearch(params), [params]);
  const placeLabel = params.get('lieu') ?? '';
  const apiQuery = toApiQuery(search).toString();
  const result = useApi(`/api/v1/establishments${apiQuery ? `?${apiQuery}` : ''}`, searchResponseSchema);
  const [activeId, setActiveId] = useState<string | null>(null);
  // After « Page suivante / précédente », bring keyboard and screen-reader users to the new results.
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(search.page);
  useEffect(() => {
    if (shownPage.current === search.page) return;
    shownPage.current = search.page;
    resultsHeading.current?.focus();
    resultsHeading.current?.scrollIntoView({ block: 'start' });
  }, [search.page]);

  const go = (next: SearchState, label = placeLabel) => {
    const p = serialiseSearch(next);
    if ((next.commune || next.epci) && label) p.set('lieu', label);
    setParams(p);
  };
  const setFilters = (change: Parameters<typeof withFilters>[1], label?: string) =>
    go(withFilters(search, change), label);

  const data = result.data;
  return (
    <Page
      title="Trouver un fournisseur breton"
      lead="L’annuaire des établissements bretons, construit à partir du répertoire SIRENE de l’INSEE."
    >
      <p className="neutral-ranking">
        Le classement est neutre : aucun établissement ne paie pour apparaître, l’ordre suit la pertinence des
        mots cherchés ou la distance, et chaque résultat dit pourquoi il apparaît (
        <a href="#methode">comment est-ce calculé ?</a>).
      </p>
      <SearchBox key={search.q} q={search.q} onSearch={(q) => setFilters({ q })} />
      <div className="find-layout">
        <Filters
          search={search}
          placeLabel={
            placeLabel || (search.commune ? (data?.query.near?.label ?? search.commune) : (search.epci ?? ''))
          }
          facets={data?.facets}
          countsOf={data && !data.pagination.exact ? data.pagination.total : null}
          setFilters={setFilters}
          onReset={() => go(parseSearch(new URLSearchParams()))}
        />
        <section className="find-results" aria-labelledby="results-heading">
          <h2 id="results-heading" ref={resultsHeading} tabIndex={-1}>
            Résultats
          </h2>
          <ResultStatus status={result.status} data={data} error={result.error} />
          {data ? (
            <>
              <div className="results-toolbar">
                <SortSelect search={search} data={data} onChange={(sort) => setFilters({ sort })} />
                <ExportLinks search={search} total={data.pagination.total} />
              </div>
              <div className="results-and-map" aria-busy={result.status === 'loading'}>
                <ResultList items={data.items} activeId={activeId} onActive={setActiveId} />
                <ResultMap
                  items={data.items}
                  activeId={activeId}
                  onActive={setActiveId}
                  onOpen={(siret) => navigate(establishmentPath(siret))}
                />
              </div>
              <Pager search={search} data={data} placeLabel={placeLabel} />
            </>
          ) : null}
        </section>
      </div>
      <Method ranking={data?.query.ranking} />
    </Page>
  );
}

function SearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  // The parent keys this component by `q`, so a new search from the URL (back button) resets the draft.
  const [draft, setDraft] = useState(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(draft);
  };
  return (
    <form role="search" className="search-box" onSubmit={submit} aria-label="Rechercher un fournisseur">
      <label htmlFor="find-q">Nom, enseigne, sigle ou activité</label>
      <p id="find-q-hint" className="hint">
        Les fautes de frappe et les accents manquants sont tolérés, par exemple « boulangrie quimper ».
      </p>
      <div className="search-row">
        <input
          id="find-q"
          type="search"
          name="q"
          value={draft}
          aria-describedby="find-q-hint"
          onChange={(e) => setDraft(e.target.value)}
          maxLength={200}
        />
        <button type="submit">Rechercher</button>
      </div>
    </form>
  );
}

function count(facet: { value: string; count: number }[] | undefined, value: string): string {
  const f = facet?.find((x) => x.value === value);
  return f ? ` (${formatCount(f.count)})` : facet ? ' (0)' : '';
}

interface FiltersProps {
  search: SearchState;
  placeLabel: string;
  facets: Facets | undefined;
  /** When the search ranks only its first results, how many the counts cover. */
  countsOf: number | null;
  setFilters: (change: Parameters<typeof withFilters>[1], label?: string) => void;
  onReset: () => void;
}

function Filters({ search, placeLabel, facets, countsOf, setFilters, onReset }: FiltersProps) {
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);
  const otherDepartments = [
    ...(facets?.department ?? []).filter((f) => !bretonDepartments.some((d) => d.code === f.value)),
    ...search.department
      .filter(
        (d) => !bretonDepartments.some((b) => b.code === d) && !facets?.department.some((f) => f.value === d),
      )
      .map((d) => ({ value: d, label: d, count: 0 })),
  ];
  return (
    <aside className="find-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">Filtres</h2>
      <p className="hint">
        Les nombres entre parenthèses comptent les établissements de la recherche en cours
        {countsOf === null ? '' : ` (les ${formatCount(countsOf)} classés)`}.
      </p>
      <fieldset>
        <legend>Activité</legend>
        <NafFilter
          section={search.section}
          naf={search.naf}
          sectionFacet={facets?.section}
          onChange={({ section, naf }) => setFilters({ section, naf })}
        />
      </fieldset>
      <fieldset>
        <legend>Département</legend>
        {[...bretonDepartments.map((d) => ({ value: d.code, label: d.label })), ...otherDepartments].map(
          (d) => (
            <div className="check" key={d.value}>
              <input
                type="checkbox"
                id={`dep-${d.value}`}
                checked={search.department.includes(d.value)}
                onChange={(e) =>
                  setFilters({ department: toggle(search.department, d.value, e.target.checked) })
                }
              />
              <label htmlFor={`dep-${d.value}`}>
                {d.label} ({d.value}){count(facets?.department, d.value)}
              </label>
            </div>
          ),
        )}
      </fieldset>
      <fieldset>
        <legend>Lieu</legend>
        <PlaceCombobox
          label="Commune ou intercommunalité"
          hint="Tapez au moins deux lettres, puis choisissez avec les flèches et Entrée."
          value={search.commune || search.epci ? placeLabel : ''}
          onSelect={(place) =>
            place
              ? setFilters(
                  place.kind === 'commune'
                    ? { commune: place.code, epci: null }
                    : { epci: place.code, commune: null },
                  place.label,
                )
              : setFilters({ commune: null, epci: null })
          }
        />
        <div className="field">
          <label htmlFor="find-radius">Rayon autour de la commune</label>
          <select
            id="find-radius"
            value={search.radiusKm ?? ''}
            disabled={!search.commune}
            aria-describedby="find-radius-hint"
            onChange={(e) => setFilters({ radiusKm: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">La commune seule</option>
            {radiusChoicesKm.map((km) => (
              <option key={km} value={km}>
                {km} km
              </option>
            ))}
          </select>
          <p id="find-radius-hint" className="hint">
            Choisissez d’abord une commune ; la distance est mesurée à vol d’oiseau.
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>Effectif salarié</legend>
        {facets ? (
          <p className="hint">Seules les tranches présentes dans la recherche sont proposées.</p>
        ) : null}
        <div className="checks-columns">
          {headcountOrder
            .filter(
              (band) =>
                !facets ||
                search.headcount.includes(band) ||
                facets.headcount.some((f) => f.value === band && f.count > 0),
            )
            .map((band) => (
              <div className="check" key={band}>
                <input
                  type="checkbox"
                  id={`headcount-${band}`}
                  checked={search.headcount.includes(band)}
                  onChange={(e) =>
                    setFilters({ headcount: toggle(search.headcount, band, e.target.checked) })
                  }
                />
                <label htmlFor={`headcount-${band}`}>
                  {headcountBands[band]}
                  {count(facets?.headcount, band)}
                </label>
              </div>
            ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>État</legend>
        <div className="check">
          <input
            type="checkbox"
            id="find-active-only"
            checked={!search.includeClosed}
            onChange={(e) => setFilters({ includeClosed: !e.target.checked })}
          />
          <label htmlFor="find-active-only">Établissements actifs seulement</label>
        </div>
      </fieldset>
      <button type="button" className="secondary" onClick={onReset}>
        Effacer la recherche et les filtres
      </button>
    </aside>
  );
}

function ResultStatus({
  status,
  data,
  error,
}: {
  status: 'loading' | 'ok' | 'error';
  data: SearchResponse | null;
  error: string | null;
}) {
  let text = '';
  if (status === 'loading') text = 'Recherche en cours…';
  else if (data) {
    const { total, page, pages, exact } = data.pagination;
    text =
      total === 0
        ? 'Aucun établissement ne correspond : retirez un filtre ou élargissez le rayon.'
        : exact
          ? `${plural(total, 'établissement trouvé', 'établissements trouvés')}${pages > 1 ? `, page ${page} sur ${pages}` : ''}.`
          : `Plus de ${formatCount(total)} établissements trouvés : les ${formatCount(total)} ${data.query.near ? 'plus proches' : data.query.sort === 'name' ? 'premiers par ordre alphabétique' : 'premiers trouvés'} sont classés${pages > 1 ? `, page ${page} sur ${pages}` : ''}. Précisez la recherche pour tout voir.`;
  }
  return (
    <>
      <p role="status" aria-live="polite" className="result-status">
        {text}
      </p>
      {data && data.query.corrections.length > 0 ? (
        <p className="corrections">
          Recherche corrigée :{' '}
          {data.query.corrections.map((c, i) => (
            <span key={`${c.from}-${i}`}>
              {i > 0 ? ', ' : ''}« {c.from} » → « {c.to} »
            </span>
          ))}
        </p>
      ) : null}
      <div role="alert" className="error">
        {status === 'error' ? <p>La recherche a échoué : {error}</p> : null}
      </div>
    </>
  );
}

function SortSelect({
  search,
  data,
  onChange,
}: {
  search: SearchState;
  data: SearchResponse;
  onChange: (sort: SearchState['sort']) => void;
}) {
  const effective = search.sort ?? (data.query.sort === 'name' ? 'relevance' : data.query.sort);
  return (
    <div className="field inline">
      <label htmlFor="find-sort">Trier par</label>
      <select
        id="find-sort"
        value={effective}
        onChange={(e) => onChange(e.target.value === 'distance' ? 'distance' : 'relevance')}
      >
        <option value="relevance">Pertinence</option>
        <option value="distance" disabled={!search.commune}>
          Distance{search.commune ? '' : ' (choisissez une commune)'}
        </option>
      </select>
    </div>
  );
}

function ExportLinks({ search, total }: { search: SearchState; total: number }) {
  const q = toApiQuery(search, { page: false }).toString();
  const suffix = q ? `?${q}` : '';
  return (
    <p className="exports">
      Exporter cette recherche
      {total > exportMaxRows ? ` (les ${formatCount(exportMaxRows)} premiers)` : ''} :{' '}
      <a href={`/api/v1/establishments.csv${suffix}`} download>
        CSV<span className="visually-hidden"> (tableur)</span>
      </a>{' '}
      ·{' '}
      <a href={`/api/v1/establishments.json${suffix}`} download>
        JSON
      </a>
    </p>
  );
}

function Pager({
  search,
  data,
  placeLabel,
}: {
  search: SearchState;
  data: SearchResponse;
  placeLabel: string;
}) {
  const { page, pages } = data.pagination;
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = serialiseSearch({ ...search, page: p });
    if (placeLabel) q.set('lieu', placeLabel);
    return `?${q.toString()}`;
  };
  return (
    <nav aria-label="Pages de résultats" className="pager">
      {page > 1 ? <Link to={href(page - 1)}>← Page précédente</Link> : <span />}
      <span>
        Page {formatCount(page)} sur {formatCount(pages)}
      </span>
      {page < pages ? <Link to={href(page + 1)}>Page suivante →</Link> : <span />}
    </nav>
  );
}

function Method({ ranking }: { ranking: string | undefined }) {
  return (
    <section id="methode" className="method" aria-labelledby="methode-heading">
      <h2 id="methode-heading">Comment est-ce calculé ?</h2>
      <ul>
        <li>
          Source : le répertoire SIRENE de l’INSEE (établissements, unités légales), données ouvertes. Les
          fiches en diffusion partielle ne montrent que leurs champs publics.
        </li>
        <li>
          Ordre des résultats : {ranking ?? 'pertinence des mots cherchés, puis distance, puis nom.'} Aucun
          placement payant.
        </li>
        <li>
          Distance : à vol d’oiseau (formule de haversine) entre la position de l’établissement et le centre
          de la commune choisie ; la source de chaque position est indiquée sur la fiche de l’établissement.
        </li>
        <li>Effectif : tranche d’effectif salarié déclarée dans SIRENE, avec son année.</li>
      </ul>
    </section>
  );
}
