// « Mesurer mon IBAL » in a real browser: the demo FEC is dropped on the file input, read in
// the Web Worker, its suppliers located by the server, and the badge and the three
// percentages read back as a person (or a screen reader) would.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './a11y.ts';

const demoDir = join(process.cwd(), 'demo-data', 'fec');

async function demoFecPath(): Promise<string> {
  const { ensureDemoData } = (await import('../src/db/demo/index.ts')) as {
    ensureDemoData: () => Promise<unknown>;
  };
  await ensureDemoData();
  const name = readdirSync(demoDir)
    .filter((f) => /\.txt$/i.test(f))
    .sort()[0];
  if (!name) throw new Error(`Aucun FEC de démonstration dans ${demoDir}`);
  return join(demoDir, name);
}

const percentText = /^\d{1,3} %$/;
const pct = (text: string) => Number(text.replace(/\D/g, ''));

/** Supplier key → amount in cents, from the page's CSV export (`;`, quoted fields, decimal comma). */
function csvAmounts(csv: string): Map<string, number> {
  const rows = csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)].map((m) => (m[1] ?? '').replace(/^"|"$/g, '')),
    );
  const header = rows[0] ?? [];
  const keyCol = header.indexOf('Clé');
  const amountCol = header.indexOf('Montant HT (€)');
  const out = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const amount = row[amountCol] ?? '';
    const [units = '0', decimals = '00'] = amount.replace('-', '').split(',');
    out.set(row[keyCol] ?? '', (amount.startsWith('-') ? -1 : 1) * (Number(units) * 100 + Number(decimals)));
  }
  return out;
}

async function expectResult(page: Page) {
  const result = page.getByRole('region', { name: /Votre indice breton de l'achat local/ });
  await expect(result).toBeVisible({ timeout: 45_000 });
  const figures = {
    bretagne: (await page.getByTestId('ibal-bretagne').textContent())?.replace(/\s/g, ' ') ?? '',
    france: (await page.getByTestId('ibal-france').textContent())?.replace(/\s/g, ' ') ?? '',
    europe: (await page.getByTestId('ibal-europe').textContent())?.replace(/\s/g, ' ') ?? '',
    coverage: (await page.getByTestId('ibal-coverage').textContent())?.replace(/\s/g, ' ') ?? '',
  };
  expect(figures.coverage).toMatch(percentText);
  // Nothing located (an empty directory): no index, said as "—", never a made-up 0 %.
  const nothingLocated = figures.coverage === '0 %';
  for (const value of [figures.bretagne, figures.france, figures.europe]) {
    expect(value).toMatch(nothingLocated ? /^(—|\d{1,3} %)$/ : percentText);
  }
  const n = (s: string) => Number(s.replace(/\D/g, ''));
  // cumulative: Bretagne ≤ France ≤ Europe ≤ 100 %
  expect(n(figures.bretagne)).toBeLessThanOrEqual(n(figures.france));
  expect(n(figures.france)).toBeLessThanOrEqual(n(figures.europe));
  expect(n(figures.europe)).toBeLessThanOrEqual(100);
  return figures;
}

test('the page says the file stays in the browser and offers a labelled file input', async ({ page }) => {
  await page.goto('/mesurer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/indice breton de l'achat local/i);
  await expect(page.getByText(/lu dans votre navigateur et n'est pas envoyé/)).toBeVisible();
  await expect(page.getByText(/jamais les montants/).first()).toBeVisible();
  const input = page.getByLabel(/Choisir un FEC/);
  await expect(input).toBeEnabled();
  // Reachable with the keyboard alone, after the navigation.
  for (let i = 0; i < 20 && !(await input.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(input).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
});

test('dropping the demo FEC gives the badge, the three percentages and a supplier CSV', async ({ page }) => {
  // 8 MB to read, 500 suppliers to locate, the CLI to run on the same file: slow on a shared machine.
  test.setTimeout(180_000);
  const fec = await demoFecPath();
  await page.goto('/mesurer');
  await page.getByLabel(/Choisir un FEC/).setInputFiles(fec);

  const located = await expectResult(page);
  // 50 016 lines in the demo FEC, counted by the worker.
  await expect(page.getByRole('status').filter({ hasText: /» lu : [\d\s\u202f]+ lignes en/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Points relevés dans le fichier' })).toBeVisible();
  // A directory of Breton firms cannot prove where a supplier is: matches by name are only proposed,
  // so nothing is located yet, there is no badge, and the page says why.
  expect(pct(located.coverage)).toBeLessThan(80);
  await expect(page.getByText('Badge non délivré.')).toBeVisible();
  await expect(page.getByText(/il en faut au moins 80 %/)).toBeVisible();

  // Proposals (name in the directory, legal form, currency) wait for the buyer to confirm them.
  await page.getByRole('button', { name: /^confirmer les \d+ propositions$/ }).click();
  const figures = await expectResult(page);
  expect(pct(figures.coverage)).toBeGreaterThanOrEqual(80);

  // The badge is delivered, and its accessible text says the three figures.
  const badge = page.getByRole('img', { name: /Indice breton de l'achat local 2025/ });
  await expect(badge).toBeVisible();
  const alt = ((await badge.getAttribute('alt')) ?? '').replace(/\s/g, ' ');
  expect(alt).toContain(`${figures.bretagne} des achats en Bretagne`);
  expect(alt).toContain(`${figures.france} en France`);
  expect(alt).toContain(`${figures.europe} dans l'Union européenne`);

  // The supplier table downloads as a CSV for Excel.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tableau des fournisseurs (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ibal-fournisseurs(-\d{4})?\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFFFournisseur;Clé;Type;Montant HT (€)')).toBe(true);
  const pageAmounts = csvAmounts(csv);

  // The generator's answer key: every supplier's spend, to the cent.
  const key = JSON.parse(readFileSync(fec.replace(/\.txt$/i, '.answer-key.json'), 'utf8')) as {
    totals: { purchasesCents: number; unattributedCents: number };
    suppliers: { aux: string; amountCents: number }[];
  };
  const total = [...pageAmounts.values()].reduce((a, b) => a + b, 0);
  expect(total).toBe(key.totals.purchasesCents);
  for (const s of key.suppliers) expect(pageAmounts.get(`aux:${s.aux}`), s.aux).toBe(s.amountCents);

  // The CLI on the same file: the same amounts, supplier by supplier, to the cent.
  const cli = JSON.parse(
    execFileSync(
      'node',
      ['--import', 'tsx', 'src/cli/main.ts', 'ibal', fec, '--format', 'json', '--no-directory'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    ),
  ) as { totalCents: number; unattributedCents: number; suppliers: { key: string; amountCents: number }[] };
  expect(cli.totalCents).toBe(total);
  for (const s of cli.suppliers) expect(pageAmounts.get(s.key), s.key).toBe(s.amountCents);

  await expect(page.getByRole('heading', { name: 'Comment est-ce calculé ?' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the demo link reads the server-side demo FEC with the same result as the dropped file', async ({
  page,
}) => {
  const fec = await demoFecPath();
  await page.goto('/mesurer');
  await page.getByLabel(/Choisir un FEC/).setInputFiles(fec);
  const dropped = await expectResult(page);

  await page.goto('/mesurer');
  await page.getByRole('link', { name: 'Essayer avec le FEC de démonstration' }).click();
  const served = await expectResult(page);
  expect(served).toEqual(dropped);
});

test('the demo supplier list (CSV) gives the index too, its columns recognised', async ({ page }) => {
  await page.goto('/mesurer');
  await page.getByRole('link', { name: 'avec une liste de fournisseurs de démonstration' }).click();
  await expectResult(page);
  await expect(page.getByText(/Liste de fournisseurs lue avec les colonnes Fournisseur = /)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('an unreadable file gets a clear French message and the page stays usable', async ({ page }) => {
  await page.goto('/mesurer');
  await page.getByLabel(/Choisir un FEC/).setInputFiles({
    name: 'photo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("n'a pas pu être lu");
  await expect(page.getByLabel(/Choisir un FEC/)).toBeEnabled();
});

const corpusDir = join(process.cwd(), '..', 'shared', 'corpus', 'fec');
const corpusFiles = existsSync(corpusDir)
  ? readdirSync(corpusDir).filter((f) => /FEC\d{8}\.txt$/i.test(f))
  : [];

for (const file of corpusFiles) {
  test(`a real FEC from outside the project (${file}) is read, its anomalies and coverage shown`, async ({
    page,
  }) => {
    await page.goto('/mesurer');
    await page.getByLabel(/Choisir un FEC/).setInputFiles(join(corpusDir, file));
    await expectResult(page);
    await expect(page.getByRole('heading', { name: 'Points relevés dans le fichier' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Fournisseurs à localiser' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('a supplier located by hand raises the coverage and is remembered on the next visit', async ({
  page,
}) => {
  test.skip(corpusFiles.length === 0, 'no real FEC in ../shared/corpus/fec');
  const file = join(corpusDir, corpusFiles[0] as string);
  await page.goto('/mesurer');
  await page.getByLabel(/Choisir un FEC/).setInputFiles(file);
  const before = await expectResult(page);
  const first = page.locator('.locate-row').first();
  const name = (await first.locator('strong').first().textContent()) ?? '';
  await first.getByLabel('Code postal').fill('29200');
  await first.getByRole('button', { name: /^Localiser/ }).click();
  await expect(page.locator('.locate-row strong', { hasText: name }).first()).toBeHidden();
  const after = await expectResult(page);
  expect(Number(after.coverage.replace(/\D/g, ''))).toBeGreaterThan(
    Number(before.coverage.replace(/\D/g, '')),
  );
  await expect(page.getByTestId('ibal-bretagne')).not.toHaveText('—');

  // Next visit, same file: the answer is applied without asking again.
  await page.reload();
  await page.getByLabel(/Choisir un FEC/).setInputFiles(file);
  expect(await expectResult(page)).toEqual(after);

  // The answer can be forgotten: the supplier is to locate again.
  await page.getByText(/réponse enregistrée dans ce navigateur/).click();
  await page.getByRole('button', { name: `Oublier la réponse pour ${name}` }).click();
  await expect(page.locator('.locate-row strong', { hasText: name }).first()).toBeVisible();
  expect(await expectResult(page)).toEqual(before);
});
