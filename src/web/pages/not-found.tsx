import { Link } from 'react-router-dom';
import { Page } from '../components/page.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page introuvable" lead="L'adresse demandée ne correspond à aucune page.">
      <p>
        <Link to="/">Revenir à l'accueil</Link>
      </p>
    </Page>
  );
}
