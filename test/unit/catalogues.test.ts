/**
 * Both message catalogues are complete (issue 13, item 6): every key the screens and main ask for
 * is in Bahasa Indonesia and in English, no text is empty, each English text keeps the same
 * {{placeholders}}, and the screens hold no sentence outside the catalogues.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { id } from '../../src/shared/i18n/id';
import { repoRoot } from '../support/core';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const idKeys = flatten(id as unknown as Tree);
const enKeys = flatten(en as unknown as Tree);
const files = sources(join(repoRoot, 'src')).filter((f) => !f.includes(join('shared', 'i18n')));

/** Keys written out in full: t('a.b'), say('a.b'), i18nKey 'a.b' in tables of keys. */
function literalKeys(): Array<{ key: string; where: string }> {
  const found: Array<{ key: string; where: string }> = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|say|i18n\.t)\(\s*'([a-zA-Z][\w.]*)'/g))
      found.push({ key: m[1]!, where: relative(repoRoot, file) });
  }
  return found;
}

/** Keys built from a prefix: t(`statuses.${s}`) needs the group `statuses` in both. */
function keyPrefixes(): Array<{ prefix: string; where: string }> {
  const found: Array<{ prefix: string; where: string }> = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|say)\(\s*`([a-zA-Z][\w.]*)\.\$\{/g))
      found.push({ prefix: m[1]!, where: relative(repoRoot, file) });
  }
  return found;
}

describe('the message catalogues', () => {
  it('hold the same keys in both languages, none empty, with the same placeholders', () => {
    expect([...enKeys.keys()].sort()).toEqual([...idKeys.keys()].sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of idKeys) {
      expect(text.trim(), `id ${key}`).not.toBe('');
      expect(enKeys.get(key)!.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(enKeys.get(key)!), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('have every key the code asks for, in both languages', () => {
    const used = literalKeys();
    expect(used.length).toBeGreaterThan(300);
    const missing = used.filter(({ key }) => !idKeys.has(key) || !enKeys.has(key));
    expect(missing).toEqual([]);
    const groups = keyPrefixes();
    expect(groups.length).toBeGreaterThan(20);
    const hasGroup = (keys: Map<string, string>, prefix: string) =>
      [...keys.keys()].some((k) => k.startsWith(`${prefix}.`));
    expect(groups.filter(({ prefix }) => !hasGroup(idKeys, prefix) || !hasGroup(enKeys, prefix))).toEqual([]);
  });

  it('leave no sentence written straight into a screen', () => {
    // JSX text between tags with two or more words of letters is a sentence a translator never saw.
    const screens = files.filter((f) => f.endsWith('.tsx'));
    const offenders: string[] = [];
    for (const file of screens) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/>\s*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ,.!?'’-]*(?:\s+[A-Za-zÀ-ÿ,.!?'’-]+)+)\s*</g)) {
        // Names of the languages themselves are shown in their own language on purpose.
        if (['Bahasa Indonesia'].includes(m[1]!.trim())) continue;
        offenders.push(`${relative(repoRoot, file)}: ${m[1]!.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
