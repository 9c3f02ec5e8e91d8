/**
 * One-time links (receipt pages, daily registers, report pages and downloads in browser mode): an
 * unguessable key, taken once, valid for two minutes; expired entries are dropped as new ones come.
 */
import { randomBytes } from 'node:crypto';

export function createOneTime<T>(now: () => number, lifetimeMs = 120_000) {
  const entries = new Map<string, { value: T; expires: number }>();
  return {
    offer(value: T): string {
      const at = now();
      for (const [k, v] of entries) if (v.expires < at) entries.delete(k);
      const key = randomBytes(18).toString('base64url');
      entries.set(key, { value, expires: at + lifetimeMs });
      return key;
    },
    take(key: string): T | undefined {
      const entry = entries.get(key);
      entries.delete(key);
      return entry && entry.expires >= now() ? entry.value : undefined;
    },
  };
}
