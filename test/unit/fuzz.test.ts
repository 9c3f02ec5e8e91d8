/**
 * Issue 9, item 7: no input to any contract method may produce a server error. Property-based
 * (fast-check): for every method, objects built from its own field names with hostile values
 * (impossible dates, forged cursors, huge numbers, wrong types, prototype keys), sent as an admin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../src/shared/contract';
import { makeCore, setUpDesk } from '../support/core';

const cursorOf = (k: unknown) => Buffer.from(JSON.stringify({ k })).toString('base64url');
// Values that have broken desks before (impossible dates, forged cursors, the forms officers type),
// weighted so that each method meets them often, beside random values of every JSON type.
const known = fc.constantFrom(
  '9999-99-99',
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
  '2026-11-29',
  '',
  ' ',
  '%ff',
  '../../etc/passwd',
  cursorOf([]),
  cursorOf([1, 2, 3, 4]),
  cursorOf(['a']),
  cursorOf([{}]),
  cursorOf('x'),
  'bm90IGpzb24',
  '!!',
  'PBL01 · 20261129 · 0001 · N',
  '3513014507900001',
  '#1234567',
  '0812 3456 7890',
  'jalan*"',
  Number.MAX_SAFE_INTEGER,
  -1,
  0,
  1e308,
);
const hostile = fc.oneof(
  { weight: 12, arbitrary: known },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }) },
);

function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  const options = (schema as unknown as { options?: z.ZodType[] }).options;
  return options ? [...new Set(options.flatMap(fieldsOf))] : [];
}

describe('every contract method, fuzzed', () => {
  it(
    'answers every hostile input with a result or a validation error, never a server error',
    { timeout: 240_000 },
    async () => {
      const internal: Array<{ method: string; input: unknown; message: string }> = [];
      for (const method of methodNames) {
        // A fresh desk per method: a fuzzed call may reset the admin's PIN, lock the screen or sign out.
        const t = makeCore();
        await setUpDesk(t.api);
        const keys = fieldsOf(contract[method].input as z.ZodType);
        const input = keys.length
          ? fc.oneof(
              // One field at a time: the others' defaults let a hostile value reach the code behind.
              { weight: 4, arbitrary: fc.constantFrom(...keys).chain((k) => fc.record({ [k]: hostile })) },
              {
                weight: 1,
                arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, hostile])), { requiredKeys: [] }),
              },
              {
                weight: 1,
                arbitrary: fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'x'), hostile),
              },
            )
          : fc.oneof(fc.constant({}), fc.dictionary(fc.string(), hostile, { maxKeys: 2 }));
        await fc.assert(
          fc.asyncProperty(
            fc.oneof({ weight: 5, arbitrary: input }, { weight: 1, arbitrary: hostile }),
            async (value) => {
              const result = await t.api.dispatch(method, value, 'admin');
              if (!result.ok && result.error.code === 'INTERNAL')
                internal.push({ method, input: value, message: result.error.message });
              return true;
            },
          ),
          { numRuns: 200, seed: 2026 },
        );
        t.close();
      }
      expect(internal).toEqual([]);
    },
  );
});
