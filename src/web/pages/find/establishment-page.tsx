// Page of one establishment (/trouver/etablissement/:siret): SIRENE identity, public address, position
// on the map, the company's other establishments and, outside Brittany, its Breton alternatives.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  alternativesResponseSchema,
  coordSourceLabels,
  establishmentDetailSchema,
  type EstablishmentDetail,
} from '../../../api/establishments.ts';
import { Page } from '../../components/page.tsx';
import { BrittanyMap } from '../../components/map/brittany-map.tsx';
import { describePlace, establishmentPath, ResultList, ResultMap } from './results.tsx';
import { formatDate, formatSiren, formatSiret, plural } from './format.ts';
import { PlaceCombobox } from './place-combobox.tsx';
import { useApi } from './use-api.ts';
import './find.css';

export const annuaireUrl = (siret: string) =>
  `https://annuaire-entreprises.data.gouv.fr/etablissement/${siret}`;

export function EstablishmentPage() {
  const { siret = '' } = useParams();
  const valid = /^\d{14}$/.test(siret);
  const detail = useApi(valid ? `/api/v1/establishments/${siret}` : null, establishmentDetailSchema);
  const e = detail.data?.siret === siret ? detail.data : null;

  if (!valid)
    return (
      <Page title="Établissement introuvable">
        <p>
          « {siret} » n’est pas un SIRET : il faut 14 chiffres.{' '}
          <Link to="/trouver">Revenir à la recherche</Link>.
        </p>
      </Page>
    );
  if (detail.status === 'error' && !e)
    return (
      <Page title="Établissement introuvable">
        <p role="alert">{detail.error}</p>
        <p>
          <Link to="/trouver">Revenir à la recherche</Link>
        </p>
      </Page>
    );
  if (!e)
    return (
      <Page title="Fiche d’établissement">
        <p role="status">Chargement de la fiche…</p>
      </Page>
    );
  return (
    <Page title={e.name} lead={e.enseigne && e.enseigne !== e.name ? `Enseigne : ${e.enseigne}` : undefined}>
      <p>
        <Link to="/trouver">← Revenir à la recherche</Link>
      </p>
      <div className="establishment-layout">
        <section aria-labelledby="identity-heading">
          <h2 id="identity-heading">Identité</h2>
          <Identity e={e} />
          <h2>Adresse</h2>
          <Address e={e} />
          <p>
            <a href={annuaireUrl(e.siret)} rel="noopener">
              Voir cet établissement sur l’Annuaire des entreprises (site officiel de l’État)
            </a>
          </p>
        </section>
        <section aria-labelledby="position-heading">
          <h2 id="position-heading">Position</h2>
          {e.location ? (
            <>
              <BrittanyMap
                title={`Position de ${e.name}`}
                points={[
                  {
                    id: e.siret,
                    lat: e.location.lat,
                    lon: e.location.lon,
                    label: `${e.name}, ${describePlace(e)}`,
                  },
                ]}
                activeId={e.siret}
              />
              <p className="hint">Source de la position : {coordSourceLabels[e.location.source]}.</p>
            </>
          ) : (
            <p>Position inconnue : SIRENE ne donne pas de coordonnées pour cet établissement.</p>
          )}
        </section>
      </div>
      {!e.inBrittany && e.naf ? <Alternatives e={e} /> : null}
      <OtherEstablishments e={e} />
    </Page>
  );
}

function Identity({ e }: { e: EstablishmentDetail }) {
  return (
    <dl className="identity">
      <dt>Nom</dt>
      <dd>{e.name}</dd>
      {e.enseigne && e.enseigne !== e.name ? (
        <>
          <dt>Enseigne</dt>
          <dd>{e.enseigne}</dd>
        </>
      ) : null}
      {e.sigle ? (
        <>
          <dt>Sigle</dt>
          <dd>{e.sigle}</dd>
        </>
      ) : null}
      <dt>SIREN</dt>
      <dd>{formatSiren(e.siren)}</dd>
      <dt>SIRET</dt>
      <dd>{formatSiret(e.siret)}</dd>
      <dt>Activité (NAF rév. 2)</dt>
      <dd>{e.naf ? `${e.naf.code} — ${e.naf.label}` : 'Non renseignée'}</dd>
      {e.naf25Code ? (
        <>
          <dt>Activité (NAF 2025)</dt>
          <dd>{e.naf25Code}</dd>
        </>
      ) : null}
      <dt>Effectif salarié</dt>
      <dd>
        {e.headcount
          ? `${e.headcount.label}${e.headcount.year ? ` (en ${e.headcount.year})` : ''}`
          : 'Non renseigné'}
      </dd>
      <dt>Création</dt>
      <dd>{e.createdOn ? formatDate(e.createdOn) : 'Date non renseignée'}</dd>
      <dt>Siège social</dt>
      <dd>{e.isHeadOffice ? 'Oui, c’est le siège de l’entreprise' : 'Non, établissement secondaire'}</dd>
      <dt>État</dt>
      <dd>
        <span className={e.active ? 'badge active' : 'badge closed'}>{e.active ? 'Actif' : 'Fermé'}</span>
      </dd>
    </dl>
  );
}

function Address({ e }: { e: EstablishmentDetail }) {
  if (e.diffusion === 'P')
    return (
      <>
        <p>{describePlace(e)}</p>
        <p className="hint">
          Diffusion partielle : à la demande de l’entreprise ou de l’entrepreneur, SIRENE ne rend publics ni
          l’adresse précise ni le nom des personnes physiques. Seuls les champs publics sont affichés.
        </p>
      </>
    );
  if (e.addressLines.length === 0) return <p>{describePlace(e)}</p>;
  return (
    <address>
      {e.addressLines.map((line, i) => (
        <span key={i}>
          {line}
          <br />
        </span>
      ))}
    </address>
  );
}

function Alternatives({ e }: { e: EstablishmentDetail }) {
  const [params, setParams] = useSearchParams();
  const near = params.get('pres');
  const nearLabel = params.get('presLieu') ?? '';
  const q = new URLSearchParams({ naf: e.naf?.code ?? '', excludeSiren: e.siren, limit: '10' });
  if (near) q.set('near', near);
  const alt = useApi(`/api/v1/alternatives?${q.toString()}`, alternativesResponseSchema);
  const [activeId, setActiveId] = useState<string | null>(null);
  const navigate = useNavigate();
  // The reason of each alternative is its « pourquoi ce résultat ».
  const items = (alt.data?.items ?? []).map((a) => ({ ...a, why: [a.reason] }));
  return (
    <section aria-labelledby="alternatives-heading" className="alternatives">
      <h2 id="alternatives-heading">Alternatives bretonnes</h2>
      <p>
        Cet établissement est hors de Bretagne. Voici des établissements bretons de la même activité : même
        sous-classe NAF d’abord, puis même classe, puis même groupe.
      </p>
      <PlaceCombobox
        label="Mesurer les distances depuis votre commune (facultatif)"
        value={nearLabel}
        onSelect={(p) => {
          const next = new URLSearchParams(params);
          if (p && p.kind === 'commune') {
            next.set('pres', p.code);
            next.set('presLieu', p.label);
          } else {
            next.delete('pres');
            next.delete('presLieu');
          }
          setParams(next, { replace: true });
        }}
      />
      <p role="status" aria-live="polite">
        {alt.status === 'loading'
          ? 'Recherche des alternatives…'
          : alt.data
            ? alt.data.items.length === 0
              ? 'Aucune alternative bretonne trouvée pour cette activité.'
              : plural(alt.data.items.length, 'alternative bretonne', 'alternatives bretonnes')
            : ''}
      </p>
      {alt.status === 'error' ? (
        <p role="alert" className="error">
          Alternatives indisponibles : {alt.error}
        </p>
      ) : null}
      {alt.data && alt.data.items.length > 0 ? (
        <>
          <div className="results-and-map">
            <ResultList items={items} activeId={activeId} onActive={setActiveId} />
            <ResultMap
              items={items}
              activeId={activeId}
              onActive={setActiveId}
              onOpen={(siret) => navigate(establishmentPath(siret))}
              title="Carte des alternatives bretonnes"
            />
          </div>
          <p className="hint">Classement : {alt.data.ranking}</p>
        </>
      ) : null}
    </section>
  );
}

function OtherEstablishments({ e }: { e: EstablishmentDetail }) {
  const others = e.otherEstablishments;
  return (
    <section aria-labelledby="others-heading">
      <h2 id="others-heading">Autres établissements de l’entreprise</h2>
      {others.length === 0 ? (
        <p>Aucun autre établissement de cette entreprise dans l’annuaire.</p>
      ) : (
        <>
          <p>
            {plural(e.otherEstablishmentsTotal, 'autre établissement', 'autres établissements')}
            {e.otherEstablishmentsTotal > others.length ? ` ; les ${others.length} premiers :` : ' :'}
          </p>
          <ul>
            {others.map((o) => (
              <li key={o.siret}>
                <Link to={establishmentPath(o.siret)}>{o.enseigne ?? o.name}</Link> — {describePlace(o)}
                {o.isHeadOffice ? ' (siège)' : ''}
                {!o.active ? ' (fermé)' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
