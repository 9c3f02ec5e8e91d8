/** Turns zod issues into messages that name the field (as keys; rendered in the caller's language). */
import type { z } from 'zod';
import { fieldLabel, hasMessage, say, type MessageText } from '../../shared/i18n';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function issueMessage(issue: z.core.$ZodIssue, label: MessageText, input: unknown): MessageText {
  const custom =
    issue.message && hasMessage(`validation.${issue.message}`)
      ? say(`validation.${issue.message}`, { field: label })
      : null;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null) return say('validation.required', { field: label });
      return say('validation.wrongType', {
        field: label,
        expected: { key: `validation.valueTypes.${issue.expected}`, fallback: issue.expected },
      });
    case 'too_small':
      if (issue.origin === 'string' && (String(input ?? '').trim() === '' || Number(issue.minimum) <= 1)) {
        return say('validation.required', { field: label });
      }
      if (custom) return custom;
      return issue.origin === 'string'
        ? say('validation.tooShort', { field: label, min: Number(issue.minimum) })
        : say('validation.invalid', { field: label });
    case 'too_big':
      return issue.origin === 'string'
        ? say('validation.tooLong', { field: label, max: Number(issue.maximum) })
        : say('validation.invalid', { field: label });
    case 'unrecognized_keys':
      return say('validation.unknownKey', { key: issue.keys.join(', ') });
    default:
      return custom || say('validation.invalid', { field: label });
  }
}

export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  rawInput: unknown,
): Record<string, MessageText> {
  const fields: Record<string, MessageText> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        fields[path] ??= say('validation.unknownKey', { key });
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
