import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../errors.ts';
import { demoRoutes } from './routes.ts';

async function appWith(dir: string, ensureDemoData?: () => Promise<unknown>) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(demoRoutes, {
    prefix: '/api/v1',
    demoFecDir: dir,
    demoSupplierList: join(dir, 'fournisseurs.csv'),
    ...(ensureDemoData ? { ensureDemoData } : {}),
  });
  await app.ready();
  return app;
}

// ISO-8859-15 bytes of a two-line FEC: "é" is 0xE9, the euro sign 0xA4.
const latin9Fec = Buffer.from(
  'JournalCode\tJournalLib\nAC\tAchats \xe9nergie \xa4\n'.split('').map((c) => c.charCodeAt(0)),
);

describe('GET /api/v1/demo/fec', () => {
  it('streams the demo FEC byte for byte, as a download', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-fec-'));
    writeFileSync(join(dir, '123456789FEC20251231.txt'), latin9Fec);
    writeFileSync(join(dir, 'README.md'), 'not a FEC');
    const app = await appWith(dir);
    const res = await app.inject({ method: 'GET', url: '/api/v1/demo/fec' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(latin9Fec)).toBe(true);
    expect(res.headers['content-length']).toBe(String(latin9Fec.length));
    expect(res.headers['content-disposition']).toBe('attachment; filename="123456789FEC20251231.txt"');
    await app.close();
  });

  it('generates the demo files on first request when the generator is available', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-fec-'));
    let calls = 0;
    const app = await appWith(dir, async () => {
      calls++;
      writeFileSync(join(dir, 'DEMOFEC.txt'), 'JournalCode\n');
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/demo/fec' })).body).toBe('JournalCode\n');
    await app.inject({ method: 'GET', url: '/api/v1/demo/fec' });
    expect(calls).toBe(1);
    await app.close();
  });

  it('answers 404 with a French explanation when there is no demo FEC', async () => {
    const app = await appWith(join(tmpdir(), 'no-such-folder-relocalisons'));
    const res = await app.inject({ method: 'GET', url: '/api/v1/demo/fec' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('demo_fec_missing');
    expect(res.json().error.message).toMatch(/FEC de démonstration/);
    await app.close();
  });
});

describe('GET /api/v1/demo/supplier-list', () => {
  it('streams the demo supplier list as a CSV download', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-list-'));
    const csv = 'Fournisseur;Montant HT;Code postal\r\nBreizh Cartons;1 234,56;35000\r\n';
    writeFileSync(join(dir, 'fournisseurs.csv'), csv);
    const app = await appWith(dir);
    const res = await app.inject({ method: 'GET', url: '/api/v1/demo/supplier-list' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(csv);
    expect(res.headers['content-disposition']).toBe('attachment; filename="fournisseurs-demonstration.csv"');
    await app.close();
  });

  it('answers 404 in French when there is none', async () => {
    const app = await appWith(join(tmpdir(), 'no-such-folder-relocalisons'));
    const res = await app.inject({ method: 'GET', url: '/api/v1/demo/supplier-list' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/liste de fournisseurs de démonstration/);
    await app.close();
  });
});
