// Guards the rule "src/core imports nothing outside src/core" by bundling it for the
// browser: a Node built-in or another layer makes the build fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const coreDir = join(import.meta.dirname, '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('src/core', () => {
  it('bundles for the browser without Node built-ins or other layers', async () => {
    const files = sourceFiles(coreDir);
    const entry = files
      .map((f) => `export * as m${files.indexOf(f)} from './${relative(coreDir, f)}';`)
      .join('\n');
    const result = await build({
      stdin: { contents: entry || 'export {}', resolveDir: coreDir, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    const outside = inputs.filter(
      (i) => !i.startsWith('src/core/') && !i.startsWith('node_modules/') && i !== '<stdin>',
    );
    expect(outside).toEqual([]);
  });

  it('does not read process.env or import other layers in its sources', () => {
    for (const file of sourceFiles(coreDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\bprocess\.env\b/);
      expect(text, file).not.toMatch(/from ['"](\.\.\/)+(server|db|web|cli|api)\//);
    }
  });
});
