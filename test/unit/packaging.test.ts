/** What can be checked of packaging without downloading Electron: the files the shell needs ship. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
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

describe('the installers for the counters', () => {
  const build = pkg.build;
  const read = (f: string) => readFileSync(join(repoRoot, f), 'utf8');

  it('is a configuration electron-builder itself accepts', async () => {
    const { validateConfiguration } = (await import(
      // electron-builder's own validator (its JSON schema and the deprecation checks it runs before a build)
      'app-builder-lib/out/util/config/config.js'
    )) as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
    await expect(validateConfiguration(build, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...build, nsis: { ...build.nsis, perMachin: true } },
        { isEnabled: false, add: () => {} },
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('sets the fuses as hardened apps set them', () => {
    expect(build.asar).toBe(true);
    expect(build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs per machine on Windows, makes the data folder for the desk’s group only, and has a signing hook', async () => {
    expect(build.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(build.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      include: 'resources/build/installer.nsh',
    });
    const nsh = read(build.nsis.include);
    expect(nsh).toContain('$COMMONAPPDATA\\MejaPengaduan');
    expect(nsh).toMatch(/icacls .*\/inheritance:r/);
    expect(nsh).toContain('Meja Pengaduan:(OI)(CI)M');
    // The hook signs when a certificate is given and says so when not; it never fails an unsigned build.
    const hook = (await import(join(repoRoot, build.win.signtoolOptions.sign))) as {
      default: (c: { path: string }) => Promise<void>;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await hook.default({ path: 'Meja Pengaduan Setup.exe' });
    expect(warn.mock.calls[0]![0]).toContain('not signed');
    warn.mockRestore();
  });

  it('ships a deb for Linux (not an AppImage), with the data folder and the setuid sandbox helper', () => {
    expect(build.linux.target).toEqual([{ target: 'deb', arch: ['x64'] }]);
    expect(JSON.stringify(build)).not.toMatch(/AppImage/i);
    const postinst = read(build.deb.afterInstall);
    expect(postinst).toContain('install -d -m 2770 -o root -g meja-pengaduan /var/lib/meja-pengaduan');
    expect(postinst).toContain("chmod 4755 '/opt/Meja Pengaduan/chrome-sandbox'");
  });

  it('has an icon of 512 by 512', () => {
    const png = readFileSync(join(repoRoot, build.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('removes the default menu in a packaged build', () => {
    expect(mainSource).toMatch(/if \(app\.isPackaged\) Menu\.setApplicationMenu\(null\)/);
  });
});
