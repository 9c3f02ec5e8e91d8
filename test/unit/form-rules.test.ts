/**
 * The intake form and main apply one set of complaint rules: for each value at and around a limit,
 * the form flags a field exactly when main refuses that field on save. A form that allowed what main
 * refuses would lose the officer's time; one that refused what main allows would block a citizen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/shared/i18n';
import {
  checkForm,
  emptyForm,
  toRequest,
  type IntakeForm,
} from '../../src/renderer/src/features/intake/form-state';
import { makeCore, sampleComplaint, setUpDesk } from '../support/core';

let t: ReturnType<typeof makeCore>;
beforeAll(async () => {
  t = makeCore();
  await setUpDesk(t.api);
});
afterAll(() => t.close());

const today = '2026-11-27';
const base: IntakeForm = {
  ...emptyForm,
  title: sampleComplaint.title,
  body: sampleComplaint.body,
  agencyCode: 'DPUPR',
  complainantName: 'Siti Aminah',
};
const translate = createI18n('id').t;

const cases: Array<[string, Partial<IntakeForm>]> = [
  ['title', { title: 'a'.repeat(9) }],
  ['title', { title: 'a'.repeat(10) }],
  ['title', { title: 'a'.repeat(150) }],
  ['title', { title: 'a'.repeat(151) }],
  ['body', { body: 'b'.repeat(29) }],
  ['body', { body: 'b'.repeat(30) }],
  ['body', { body: 'b'.repeat(8000) }],
  ['body', { body: 'b'.repeat(8001) }],
  ['email', { email: 'siti@example.id' }],
  ['email', { email: 'siti@example' }],
  ['email', { email: 'siti example@x.id' }],
  ['email', { email: `${'s'.repeat(245)}@example.id` }],
  ['phone', { phone: '0812-3456-7890' }],
  ['phone', { phone: '12345' }],
  ['nik', { nik: '3513014507900001' }],
  ['nik', { nik: '3513014507900' }],
  ['complainantName', { complainantName: '' }],
  ['complainantName', { complainantName: '', anonymous: true }],
  ['complainantName', { complainantName: 'n'.repeat(100) }],
  ['complainantName', { complainantName: 'n'.repeat(101) }],
  ['address', { address: 'a'.repeat(300) }],
  ['address', { address: 'a'.repeat(301) }],
  ['locationDetail', { locationDetail: 'l'.repeat(301) }],
];

describe('one set of complaint rules for the form and main', () => {
  it.each(cases)('%s: the form flags it exactly when main refuses it (%#)', async (field, change) => {
    const form = { ...base, ...change };
    const formSays = field in checkForm(form, today, translate);
    const r = await t.api.dispatch('complaints.create', toRequest(form, today), 'admin');
    const mainSays = !r.ok && r.error.code === 'VALIDATION' && field in (r.error.fields ?? {});
    expect({ field, formSays }).toEqual({ field, formSays: mainSays });
  });
});
