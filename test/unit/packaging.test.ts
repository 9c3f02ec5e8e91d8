/** What can be checked of packaging without downloading Electron: the files the shell needs ship. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/core';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const mainSource = readFileSync(join(repoRoot, 'src', 'main', 'electron', 'main.ts'), 'utf8');

describe('electron-builder configuration', () => {
  it('ships the migrations and reference data where the packaged shell looks for them', () => {
    // main.ts reads join(process.resourcesPath, 'drizzle') and join(..., 'resources', 'data').
    expect(mainSource).toContain("join(appRoot, 'drizzle')");
    expect(mainSource).toContain("join(appRoot, 'resources', 'data')");
    expect(pkg.build.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'drizzle', to: 'drizzle' },
        { from: 'resources/data', to: 'resources/data' },
      ]),
    );
  });

  it('packs the built app, keeps native addons outside the asar, and does not rebuild them', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.build.files).toContain('out/**');
    expect(pkg.build.asarUnpack).toContain('**/*.node');
    // better-sqlite3 13 is Node-API with prebuilds: the same binary runs in Electron.
    expect(pkg.build.npmRebuild).toBe(false);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^13\./);
  });
});

describe('the lint rule that keeps electron in its place', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const lint = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(repoRoot, file) }))[0]!.messages;

  it('refuses an electron import outside src/main/electron and src/preload', async () => {
    for (const file of ['src/main/api.ts', 'src/renderer/src/App2.tsx', 'src/shared/x.ts']) {
      const messages = await lint(file, "import { app } from 'electron';\nexport const a = app;\n");
      expect(
        messages.map((m) => m.ruleId),
        file,
      ).toContain('no-restricted-imports');
    }
  });

  it('allows it inside them', async () => {
    for (const file of ['src/main/electron/extra.ts', 'src/preload/extra.ts']) {
      const messages = await lint(file, "import { app } from 'electron';\nexport const a = app;\n");
      expect(
        messages.filter((m) => m.ruleId === 'no-restricted-imports'),
        file,
      ).toEqual([]);
    }
  });

  it('keeps node: built-ins out of shared code and the renderer', async () => {
    const messages = await lint(
      'src/shared/y.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    );
    expect(messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });
});
