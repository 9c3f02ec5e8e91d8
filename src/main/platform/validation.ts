/** Turns zod issues into messages in Bahasa Indonesia that name the field. */
import type { z } from 'zod';
import { fieldLabel, msg } from '../../shared/i18n';

const expectedNames: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  boolean: 'ya/tidak',
  object: 'objek',
  array: 'daftar',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function issueMessage(issue: z.core.$ZodIssue, label: string, input: unknown): string {
  const custom = issue.message && msg(`validation.${issue.message}`, { field: label, defaultValue: '' });
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null) return msg('validation.required', { field: label });
      return msg('validation.wrongType', {
        field: label,
        expected: expectedNames[issue.expected] ?? issue.expected,
      });
    case 'too_small':
      if (issue.origin === 'string' && (String(input ?? '').trim() === '' || Number(issue.minimum) <= 1)) {
        return msg('validation.required', { field: label });
      }
      if (custom) return custom;
      return issue.origin === 'string'
        ? msg('validation.tooShort', { field: label, min: Number(issue.minimum) })
        : msg('validation.invalid', { field: label });
    case 'too_big':
      return issue.origin === 'string'
        ? msg('validation.tooLong', { field: label, max: Number(issue.maximum) })
        : msg('validation.invalid', { field: label });
    case 'unrecognized_keys':
      return msg('validation.unknownKey', { key: issue.keys.join(', ') });
    default:
      return custom || msg('validation.invalid', { field: label });
  }
}

export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  rawInput: unknown,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        fields[path] ??= msg('validation.unknownKey', { key });
      }
      continue;
    }
    const path = issue.path.join('.') || '_';
    fields[path] ??= issueMessage(issue, fieldLabel(path), valueAt(rawInput, issue.path));
  }
  return fields;
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The first key that could pollute a prototype, anywhere in a parsed value; null if none. */
export function findForbiddenKey(value: unknown, depth = 0): string | null {
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return key;
    const inner = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}
