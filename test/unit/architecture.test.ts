/**
 * The shape of the house, kept by a test: no import cycles between folders, the platform and the
 * shared code point at no feature, and Electron is imported only by the shells. Read from the import
 * statements of every source file, so a new file that breaks the rule fails here with its name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The folder a file belongs to: a feature of main or the renderer, platform, shared/<part>. */
function folderOf(file: string): string {
  const parts = relative(root, file).split('/');
  if (parts[1] === 'renderer') return parts.slice(0, parts[3] === 'features' ? 5 : 4).join('/');
  return parts.slice(0, parts.length > 3 ? 3 : 2).join('/');
}

/** A folder imported by name is its index.ts. */
const target = (path: string) =>
  existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.ts') : path;

interface Import {
  from: string;
  to: string;
  spec: string;
}
const imports: Import[] = sources(join(root, 'src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => ({
    from: file,
    spec: m[1]!,
    to: m[1]!.startsWith('.') ? target(resolve(dirname(file), m[1]!)) : m[1]!,
  })),
);
const local = imports.filter((i) => i.spec.startsWith('.'));
const edges = new Map<string, Set<string>>();
for (const i of local) {
  const a = folderOf(i.from);
  const b = folderOf(i.to);
  if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
}

describe('the import graph', () => {
  it('has no cycles between folders', () => {
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        const at = path.indexOf(next);
        if (at >= 0) cycles.push([...path.slice(at), next].join(' -> '));
        else visit(next, [...path, next]);
      }
    };
    for (const start of edges.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
    expect(edges.size).toBeGreaterThan(10); // the graph was read at all
  });

  it('keeps the platform and the shared code free of features', () => {
    const upward = local
      .filter((i) => {
        const from = folderOf(i.from);
        const to = folderOf(i.to);
        if (from.startsWith('src/main/platform'))
          return !to.startsWith('src/main/platform') && !to.startsWith('src/shared');
        if (from.startsWith('src/shared')) return !to.startsWith('src/shared');
        return false;
      })
      .map((i) => `${relative(root, i.from)} imports ${i.spec}`);
    expect(upward).toEqual([]);
  });

  it('lets a feature reach another only through its index, in main and in the renderer', () => {
    const features = [
      'accounts',
      'audit',
      'backups',
      'complaints',
      'forwarding',
      'privacy',
      'receipts',
      'reference',
      'reports',
      'review',
      'settings',
      'trail',
    ];
    /** The feature folder a file is in ('src/main/x' or 'src/renderer/src/features/x'), or null. */
    const featureOf = (file: string) => {
      const parts = relative(root, file).split('/');
      if (parts[1] === 'main' && features.includes(parts[2] ?? '')) return parts.slice(0, 3).join('/');
      if (parts[1] === 'renderer' && parts[3] === 'features' && parts.length > 5)
        return parts.slice(0, 5).join('/');
      return null;
    };
    const behindTheDoor = local
      .filter((i) => {
        const from = featureOf(i.from);
        const to = featureOf(i.to);
        return from && to && from !== to && !/^index\.tsx?$/.test(relative(to, relative(root, i.to)));
      })
      .map((i) => `${relative(root, i.from)} imports ${i.spec}`);
    expect(behindTheDoor).toEqual([]);
  });

  it('lets only the shells import Electron', () => {
    const electron = imports
      .filter((i) => i.spec === 'electron' || i.spec.startsWith('electron/'))
      .map((i) => relative(root, i.from))
      .filter((f) => !f.startsWith('src/main/electron/') && !f.startsWith('src/preload/'));
    expect(electron).toEqual([]);
  });
});

describe('the size of a module', () => {
  it('stays under 350 lines (the message catalogues aside): one reason to change per file', () => {
    const long = sources(join(root, 'src'))
      .filter((f) => !/src\/shared\/i18n\/(id|en)\.ts$/.test(f))
      .map((f) => [relative(root, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 350);
    expect(long).toEqual([]);
  });
});
