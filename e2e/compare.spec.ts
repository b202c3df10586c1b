// « Comparer deux offres »: a buyer compares a Shenzhen offer with a Breton one in quick mode,
// sees the TCO, the probability that local is cheaper and the break-even price, shares the
// scenario by link and downloads the PDF dossier. Accessibility checked with axe.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './a11y.ts';

const product = 'Boîtier aluminium usiné BX-12';

async function fillShenzhenVsBrittany(page: Page) {
  await page.goto('/comparer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/coût complet/);
  await page.getByLabel('Produit ou référence').fill(product);
  await page.getByLabel('Volume annuel').fill('10 000');
  await page.getByLabel('Masse d’une unité').fill('0,45');
  const far = page.getByRole('group', { name: 'L’offre lointaine' });
  await far.getByLabel('Prix unitaire').fill('4,60');
  await far.getByLabel('Devise du prix').selectOption('USD');
  await far.getByLabel('Port de départ').selectOption('CNSZX');
  const local = page.getByRole('group', { name: 'L’offre locale' });
  await local.getByLabel('Prix unitaire').fill('5,40');
  await local.getByLabel('Ville du fournisseur').fill('Loudéac');
  await page.getByLabel('Conteneurs complets').check();
  await page.getByLabel('Droit de douane').fill('2,7');
}

test('quick mode: Shenzhen against Loudéac gives the TCO, P(local cheaper) and the break-even price', async ({
  page,
}) => {
  await fillShenzhenVsBrittany(page);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText(
    /L’offre de Shenzhen est \d+ % moins chère à l’achat, (mais|et encore) \d+ % (plus|moins) chère en coût complet/,
  );
  await expect(page.getByTestId('tco-unit-far')).toContainText('€');
  await expect(page.getByTestId('tco-unit-local')).toContainText('€');
  await expect(page.getByTestId('tco-year-local')).toContainText('€');
  // The Monte Carlo runs in the worker: the probability appears once it is done.
  await expect(page.getByTestId('p-local-cheaper')).toContainText(/\d+ % sur 10\s000 tirages/);
  await expect(page.getByTestId('break-even')).toContainText(/\d+,\d+ EUR/);
  // The local TCO per unit is above its price: hidden costs exist on both sides.
  const localTco = await page.getByTestId('tco-unit-local').innerText();
  expect(Number(localTco.replace(/[^\d,]/g, '').replace(',', '.'))).toBeGreaterThan(5.4);

  // "Pourquoi ce chiffre ?" opens the formula of a line.
  const why = page.getByRole('button', { name: /Pourquoi ce chiffre \? \(Fret principal, Shenzhen\)/ });
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  // Charts are images with a name and a table alternative.
  await expect(page.getByRole('img', { name: /Du prix au coût complet — Shenzhen/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Distribution du coût complet/ })).toBeVisible();
  await page.getByRole('button', { name: 'Afficher le tableau de données' }).first().click();
  await expect(page.getByRole('cell', { name: /€/ }).first()).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
});

test('a range on the far price changes the probability, and the link restores the scenario', async ({
  page,
  context,
}) => {
  await fillShenzhenVsBrittany(page);
  const far = page.getByRole('group', { name: 'L’offre lointaine' });
  await far.getByRole('button', { name: /Fourchette pour « Prix unitaire »/ }).click();
  const range = far.getByRole('group', { name: /Prix unitaire/ });
  await range.getByLabel('basse').fill('4');
  await range.getByLabel('haute').fill('6');
  await expect(page.getByTestId('p-local-cheaper')).toContainText(/\d+ %/);
  await expect(page).toHaveURL(/#s=z[A-Za-z0-9_-]+$/);
  // « Copier le lien » puts the whole scenario in the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.getByRole('status').first()).toContainText('Lien copié');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\/comparer#s=z[A-Za-z0-9_-]+$/);
  const verdict = await page.getByTestId('verdict').innerText();

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByLabel('Produit ou référence')).toHaveValue(product);
  await expect(other.getByTestId('verdict')).toHaveText(verdict);
  await expect(other.getByRole('group', { name: /Prix unitaire/ }).getByLabel('haute')).toHaveValue('6');
});

test('the PDF dossier downloads, starts with %PDF and names the product', async ({ page }) => {
  await fillShenzhenVsBrittany(page);
  await expect(page.getByTestId('p-local-cheaper')).toContainText(/%/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le dossier PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^cout-complet-boitier-aluminium-usine-bx-12-\d{4}-\d{2}-\d{2}\.pdf$/,
  );
  const bytes = readFileSync((await download.path()) as string);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // jsPDF writes text in WinAnsi: the accented product name is there byte for byte.
  const text = bytes.toString('latin1');
  expect(text).toContain(product);
  expect(text).toContain('Coût complet');
});

test('the page works with the keyboard alone', async ({ page }) => {
  await page.goto('/comparer');
  await page.getByLabel('Produit ou référence').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Étiquette tissée');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Volume annuel')).toBeFocused();
  await page.keyboard.press('Tab');
  const rangeToggle = page.getByRole('button', { name: /Fourchette pour « Volume annuel »/ });
  await expect(rangeToggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rangeToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: /Volume annuel/ }).getByLabel('basse')).toBeVisible();
  // A disclosure opens with the keyboard.
  const why = page.getByRole('button', { name: /Comment est-ce calculé \? \(prix d’équilibre\)/ });
  await why.focus();
  await page.keyboard.press('Enter');
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(/les deux coûts complets soient égaux/)).toBeVisible();
  // Expert mode is reachable and shows the collapsible factor groups.
  await page.getByLabel(/Expert/).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('Stock et trésorerie (B)', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('batch screening ranks the example references and exports a formula-safe CSV', async ({ page }) => {
  await page.goto('/comparer');
  await page.getByRole('button', { name: 'Essayer avec l’exemple' }).click();
  const table = page.getByRole('table', { name: /Lesquelles regarder en premier/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le classement (CSV)' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  expect(csv).toContain('Boîtier alu BX-12');
  expect(csv.split('\r\n')[0]).toContain('Rang;Référence');
});
