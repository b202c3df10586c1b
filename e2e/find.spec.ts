// « Trouver un fournisseur » in a real browser on the demo directory (~5,000 establishments loaded by
// `start`): a search with a typo, a result opened, its identity and map, axe, and the keyboard path.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { seriousViolations } from './a11y.ts';
import { project } from '../src/web/components/map/projection.ts';

interface Found {
  siret: string;
  name: string;
  diffusion: 'O' | 'P';
  location: { lat: number; lon: number } | null;
  commune: { name: string } | null;
}

/** A demo establishment with a located, public record and a name long enough to misspell. */
async function demoEstablishment(request: APIRequestContext): Promise<Found> {
  const res = await request.get('/api/v1/establishments?department=29&pageSize=50');
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: Found[] };
  const found = items.find(
    (e) => e.location && e.diffusion === 'O' && e.name.split(/\s+/).some((w) => /^\p{L}{7,}$/u.test(w)),
  );
  if (!found) throw new Error('Aucun établissement de démonstration utilisable dans le Finistère');
  return found;
}

/** « Boulangerie Le Gall » → « Boulngerie Le Gall »: one letter dropped inside the longest word. */
function withTypo(name: string): string {
  const words = name.split(/\s+/);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const typo = longest.slice(0, 3) + longest.slice(4);
  return words.map((w) => (w === longest ? typo : w)).join(' ');
}

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

test('a buyer finds a demo company despite a typo, opens it and sees its identity and its map', async ({
  page,
  request,
}) => {
  const target = await demoEstablishment(request);
  const query = withTypo(target.name);
  expect(query).not.toBe(target.name);

  await page.goto('/trouver');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trouver un fournisseur breton');
  await expect(page.getByText('Le classement est neutre')).toBeVisible();
  await page.getByLabel('Nom, enseigne, sigle ou activité').fill(query);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();

  // The search is in the URL, the count is announced, the company is listed with why it matches.
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.locator('.result-status')).toContainText(/trouvés?/);
  const results = page.locator('.result-list');
  // Several establishments of one company share its name: take the one looked for.
  const item = results.locator(`li[data-siret="${target.siret}"]`);
  const link = item.getByRole('link', { name: target.name, exact: true });
  await expect(link).toBeVisible();
  await expect(item.locator('.why')).toContainText('Pourquoi ce résultat');
  // The map shows the page's located results; hovering the list highlights the point.
  await expect(page.getByTestId('brittany-map').locator(`[data-point="${target.siret}"]`)).toHaveCount(1);
  await item.hover();
  await expect(page.getByTestId('brittany-map').locator(`[data-point="${target.siret}"] circle`)).toHaveClass(
    /active/,
  );
  // Exports carry the current search.
  await expect(page.getByRole('link', { name: /CSV/ })).toHaveAttribute('href', /establishments\.csv\?.*q=/);
  await expect(page.getByRole('link', { name: 'JSON' })).toHaveAttribute(
    'href',
    /establishments\.json\?.*q=/,
  );
  await expectNoSeriousViolations(page);

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/trouver/etablissement/${target.siret}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.name);
  const identity = page.locator('dl.identity');
  await expect(identity).toContainText(target.siret.slice(9));
  await expect(identity).toContainText('SIREN');
  await expect(identity).toContainText('Activité (NAF rév. 2)');
  await expect(page.getByTestId('brittany-map').locator(`[data-point="${target.siret}"]`)).toHaveCount(1);
  await expect(page.getByRole('link', { name: /Annuaire des entreprises/ })).toHaveAttribute(
    'href',
    `https://annuaire-entreprises.data.gouv.fr/etablissement/${target.siret}`,
  );
  await expectNoSeriousViolations(page);

  // The back button returns to the same search.
  await page.goBack();
  await expect(page.getByLabel('Nom, enseigne, sigle ou activité')).toHaveValue(query);
  await expect(item.getByRole('link', { name: target.name, exact: true })).toBeVisible();
});

test('the keyboard alone searches, picks a commune in the combobox and opens a result', async ({ page }) => {
  await page.goto('/trouver');
  const box = page.getByLabel('Nom, enseigne, sigle ou activité');
  await box.focus();
  await page.keyboard.type('boulangerie');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=boulangerie/);

  const commune = page.getByRole('combobox', { name: 'Commune ou intercommunalité' });
  await commune.focus();
  await page.keyboard.type('Quimper');
  const suggestions = page.getByRole('listbox', { name: /Suggestions/ });
  // The server builds its geography index on the first commune search: allow it time on a busy machine.
  await expect(suggestions.getByRole('option', { name: /Quimper \(29\)/ })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('ArrowDown');
  await expect(commune).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/commune=29232/);
  await expect(page.getByLabel('Rayon autour de la commune')).toBeEnabled();
  await page.getByLabel('Rayon autour de la commune').selectOption('30');
  await expect(page).toHaveURL(/radiusKm=30/);
  await expect(page.locator('.result-status')).toContainText(/trouvés?|Aucun/);

  // Tab from the sort select onwards reaches the first result's link; Entrée opens it.
  const first = page.locator('.result-list li').first().getByRole('link');
  await expect(first).toBeVisible();
  const name = (await first.textContent()) ?? '';
  await page.getByLabel('Trier par').focus();
  for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trouver\/etablissement\/\d{14}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('an intercommunality is offered in the place picker and limits the results to its communes', async ({
  page,
}) => {
  await page.goto('/trouver');
  const place = page.getByRole('combobox', { name: 'Commune ou intercommunalité' });
  await place.fill('Brest Métro');
  const option = page
    .getByRole('listbox', { name: /Suggestions/ })
    .getByRole('option', { name: /Brest Métropole/ });
  await expect(option).toBeVisible({ timeout: 30_000 });
  await option.click();
  await expect(page).toHaveURL(/epci=242900314/);
  await expect(place).toHaveValue('Brest Métropole');
  await expect(page.locator('.result-status')).toContainText(/trouvés?/);
  // The radius needs a commune to measure from.
  await expect(page.getByLabel('Rayon autour de la commune')).toBeDisabled();
});

test('an establishment outside Brittany shows its Breton alternatives with the reason, on a map', async ({
  page,
  request,
}) => {
  const res = await request.get('/api/v1/establishments?department=44&pageSize=30');
  const { items } = (await res.json()) as {
    items: (Found & { naf: { code: string } | null; siren: string })[];
  };
  let target: (typeof items)[number] | undefined;
  for (const e of items) {
    if (!e.naf) continue;
    const alt = await request.get(`/api/v1/alternatives?naf=${e.naf.code}&excludeSiren=${e.siren}&limit=10`);
    if (((await alt.json()) as { items: unknown[] }).items.length > 0) {
      target = e;
      break;
    }
  }
  if (!target)
    throw new Error('Aucun établissement de Loire-Atlantique avec des alternatives bretonnes dans la démo');

  await page.goto(`/trouver/etablissement/${target.siret}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.name);
  const section = page.locator('section.alternatives');
  await expect(section.getByRole('heading', { name: 'Alternatives bretonnes' })).toBeVisible();
  await expect(section.locator('.result-list li').first().locator('.why')).toContainText(/NAF/);
  await expect(section.getByTestId('brittany-map').locator('[data-point]').first()).toBeAttached();
  // Every alternative is in one of the four Breton departments.
  const places = await section.locator('.result-list li .facts li:nth-child(2)').allTextContents();
  expect(places.length).toBeGreaterThan(0);
  for (const p of places) expect(p).toMatch(/\((22|29|35|56)\)$/);
  await expectNoSeriousViolations(page);
});

test('the pager keeps the search in the URL, brings focus to the results and the back button returns', async ({
  page,
}) => {
  await page.goto('/trouver?department=29');
  const status = page.locator('.result-status');
  await expect(status).toContainText(/page 1 sur \d+/);
  const firstOnPage1 = await page.locator('.result-list li').first().getAttribute('data-siret');
  await page
    .getByRole('navigation', { name: 'Pages de résultats' })
    .getByRole('link', { name: /Page suivante/ })
    .click();
  await expect(page).toHaveURL(/department=29&page=2/);
  await expect(status).toContainText(/page 2 sur/);
  await expect(page.getByRole('heading', { name: 'Résultats' })).toBeFocused();
  await expect(page.locator('.result-list li').first()).not.toHaveAttribute('data-siret', firstOnPage1 ?? '');
  await page.goBack();
  await expect(status).toContainText(/page 1 sur/);
  await expect(page.locator('.result-list li').first()).toHaveAttribute('data-siret', firstOnPage1 ?? '');
});

test('the browser places Brest, Rennes, Vannes and Saint-Brieuc inside their department outline', async ({
  page,
  request,
}) => {
  const target = await demoEstablishment(request);
  await page.goto(`/trouver/etablissement/${target.siret}`);
  const map = page.getByTestId('brittany-map');
  await expect(map).toBeVisible();
  const towns = [
    { name: 'Brest', department: '29', ...project(48.3904, -4.4861) },
    { name: 'Rennes', department: '35', ...project(48.1173, -1.6778) },
    { name: 'Vannes', department: '56', ...project(47.6582, -2.7608) },
    { name: 'Saint-Brieuc', department: '22', ...project(48.5136, -2.7603) },
  ];
  const placed = await map.evaluate((svg, list) => {
    return list.map((t) => {
      const inside = [...svg.querySelectorAll<SVGPathElement>('path[data-department]')]
        .filter((p) => p.isPointInFill(new DOMPoint(t.x, t.y)))
        .map((p) => p.dataset.department);
      return { name: t.name, inside };
    });
  }, towns);
  expect(placed).toEqual(towns.map((t) => ({ name: t.name, inside: [t.department] })));
});
