import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { areas } from '../areas.tsx';

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <NavLink to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              R
            </span>
            <span>
              Relocalisons<span className="brand-tld">.bzh</span>
              <span className="visually-hidden"> — accueil</span>
            </span>
          </NavLink>
          <nav aria-label="Navigation principale">
            <ul className="nav-list">
              {areas.map((a) => (
                <li key={a.key}>
                  <NavLink to={a.path}>{a.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="contenu" className="container" tabIndex={-1}>
        <Suspense
          fallback={
            <p role="status" className="muted">
              Chargement de la page…
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p>
            Relocalisons.bzh — un programme de la Région Bretagne, animé par Bretagne Développement
            Innovation.
          </p>
          <ul className="footer-links">
            <li>
              <NavLink to="/a-propos">À propos</NavLink>
            </li>
            <li>
              <a href="/api/docs">API ouverte</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
