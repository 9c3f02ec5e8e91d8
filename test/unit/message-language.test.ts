/**
 * Main writes its messages in the language of the window that called: an officer who works in
 * English reads errors, and the field names in them, in English, while the next window goes on in
 * Bahasa Indonesia, even when their calls are served at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';

let t: ReturnType<typeof makeCore>;
beforeAll(async () => {
  t = makeCore();
  await setUpDesk(t.api);
  value(await t.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'tab-en'));
  value(await t.api.dispatch('app.setLanguage', { language: 'en' }, 'tab-en'));
});
afterAll(() => t.close());

describe('messages in the caller’s language', () => {
  it('errors and field names follow the window, call by call, concurrently', async () => {
    const bad = { ...sampleComplaint, title: '' };
    const [en, id] = await Promise.all([
      t.api.dispatch('complaints.create', bad, 'tab-en'),
      t.api.dispatch('complaints.create', bad, 'admin'),
    ]);
    expect(en).toMatchObject({
      ok: false,
      error: {
        message: 'Some data is not right yet. Check the marked fields.',
        fields: { title: 'Title is required.' },
      },
    });
    expect(id).toMatchObject({
      ok: false,
      error: {
        message: 'Data belum benar. Periksa kolom yang ditandai.',
        fields: { title: 'Judul wajib diisi.' },
      },
    });
  });

  it('holds across the awaits of a handler and for refusals before any handler runs', async () => {
    const unknown = await t.api.dispatch('no.such', {}, 'tab-en');
    expect(unknown.ok === false && unknown.error.message).toMatch(/^Unknown command/);
    const wrong = await t.api.dispatch('auth.signIn', { name: 'admin', secret: 'salah-sekali' }, 'tab-en');
    expect(wrong.ok === false && wrong.error.message).toBe('Wrong name or PIN. Attempts left: 4.');
  });

  it('refuses a language the desk does not have, and a window that never said gets Indonesian', async () => {
    const r = await t.api.dispatch('app.setLanguage', { language: 'fr' }, 'tab-fr');
    expect(r.ok).toBe(false);
    const unknown = await t.api.dispatch('no.such', {}, 'tab-fr');
    expect(unknown.ok === false && unknown.error.message).toMatch(/^Perintah "no.such" tidak dikenal/);
  });
});
