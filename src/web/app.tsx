import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/layout.tsx';
import { areas } from './areas.tsx';
import { HomePage } from './pages/home.tsx';
import { AboutPage } from './pages/about.tsx';
import { NotFoundPage } from './pages/not-found.tsx';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        {areas.flatMap((area) =>
          area.routes.map((r) => <Route key={r.path} path={r.path} element={r.element} />),
        )}
        <Route path="a-propos" element={<AboutPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
