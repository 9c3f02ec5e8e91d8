/**
 * Errors carry their message as a catalogue key with parameters (issue 10), so a screen shows them
 * in the language it shows now. The carried key must say exactly what main wrote: rendered in
 * English it equals what an English caller receives, rendered in Indonesian what an Indonesian one
 * does, for the message and for every field, nested field names and printer causes included.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n, render, type MessageText } from '../../src/shared/i18n';
import type { DeskError, Result } from '../../src/shared/result';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';

let t: ReturnType<typeof makeCore>;
let closed: Server;
let closedPort = 0;
const en = createI18n('en');
const id = createI18n('id');
const inLanguage = (lang: typeof en) => (text: MessageText) => render(text, (k, o) => lang.t(k, o ?? {}));

beforeAll(async () => {
  t = makeCore();
  await setUpDesk(t.api);
  for (const tab of ['tab-en', 'tab-id']) {
    value(await t.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, tab));
  }
  value(await t.api.dispatch('app.setLanguage', { language: 'en' }, 'tab-en'));
  // A port that accepts nothing: bound, then closed, so a connection is refused.
  closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedPort = (closed.address() as { port: number }).port;
  await new Promise<void>((r) => closed.close(() => r()));
});
afterAll(() => t.close());

const errorOf = (r: Result<unknown>): DeskError => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

/** The same call from an English and an Indonesian window, and what the carried keys say. */
async function both(method: string, input: unknown) {
  const english = errorOf(await t.api.dispatch(method, input, 'tab-en'));
  const indonesian = errorOf(await t.api.dispatch(method, input, 'tab-id'));
  expect(english.text, `${method} carries its message as a key`).toBeDefined();
  expect(english.text).toEqual(indonesian.text);
  expect(english.fieldTexts).toEqual(indonesian.fieldTexts);
  for (const [error, lang] of [
    [english, en],
    [indonesian, id],
  ] as const) {
    expect(inLanguage(lang)(error.text!)).toBe(error.message);
    expect(Object.keys(error.fieldTexts ?? {})).toEqual(Object.keys(error.fields ?? {}));
    for (const [path, text] of Object.entries(error.fieldTexts ?? {}))
      expect(inLanguage(lang)(text), path).toBe(error.fields![path]);
  }
  expect(english.message).not.toBe(indonesian.message);
  return english;
}

describe('errors carry a key and parameters that say what main wrote', () => {
  it('validation, with the field names nested inside the messages', async () => {
    const e = await both('complaints.create', {
      ...sampleComplaint,
      title: '',
      body: 'x'.repeat(9000),
      nik: '123',
      email: 'bukan-email',
      channel: 'TIDAK_ADA',
      extra: 1,
    });
    expect(Object.keys(e.fields ?? {}).length).toBeGreaterThanOrEqual(3);
    expect(e.fieldTexts?.title).toEqual({
      key: 'validation.required',
      params: { field: { key: 'fields.title', fallback: 'title' } },
    });
  });

  it('checks main makes after parsing (NIK, e-mail, unknown channel)', async () => {
    const e = await both('complaints.create', {
      ...sampleComplaint,
      nik: '3513999999999999',
      email: 'a@b',
      channel: 'TIDAK_ADA',
    });
    expect(Object.keys(e.fieldTexts ?? {})).toEqual(expect.arrayContaining(['nik', 'email', 'channel']));
  });

  it('refusals before any handler, a conflict naming the field, a wrong current PIN', async () => {
    await both('no.such', {});
    await both('accounts.create', { name: 'ADMIN', displayName: 'X', role: 'officer', secret: '2468' });
    const wrong = await both('auth.changeSecret', { current: 'salah-sekali', next: 'rahasia-baru-2' });
    expect(wrong.fieldTexts).toEqual({ current: { key: 'errors.wrongCurrentSecret' } });
  });

  it('a printer that refuses the connection: the cause and "still saved" nest in one message', async () => {
    const printer = value<{ id: string }>(
      await t.api.dispatch(
        'printers.save',
        {
          name: 'Kasir',
          kind: 'escpos-tcp',
          address: `127.0.0.1:${closedPort}`,
          paper: '80mm',
          isDefault: true,
        },
        'tab-id',
      ),
    );
    const e = await both('printers.test', { id: printer.id });
    expect(e.text).toMatchObject({ key: 'errors.printerNet.refused' });
    const saved = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'tab-id'));
    const print = await both('receipts.print', { id: saved.id });
    expect(print.text).toMatchObject({
      key: 'errors.printFailedStillSaved',
      params: { problem: { key: 'errors.printerNet.refused' } },
    });
  });
});
