import { expect, test } from '@playwright/test';
import { seriousViolations } from './a11y.ts';

const areas = [
  { link: 'Mesurer', heading: /indice breton de l'achat local/i },
  { link: "S'engager", heading: /charte/i },
  { link: 'Trouver', heading: /fournisseur/i },
  { link: 'Comparer', heading: /coût complet|offres/i },
  { link: 'Agenda & actualités', heading: /agenda/i },
];

test('the home page explains the programme and passes axe', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('130 000 emplois')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const area of areas) {
  test(`the navigation reaches « ${area.link} » and the page passes axe`, async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: area.link })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(area.heading);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the navigation works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // React renders after the load event: wait for the page before the first key press.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Comparer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/comparer$/);
});

test('the about page and the API documentation are reachable', async ({ page }) => {
  await page.goto('/a-propos');
  await expect(page.getByRole('heading', { level: 1, name: 'À propos' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const res = await page.request.get('/api/health');
  expect(res.status()).toBe(200);
});
