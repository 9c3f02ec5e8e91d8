/** Helpers for forwarding tests: a desk on the wall clock, connected to a fake central server. */
import type { ForwardingOptions } from '../../src/main/forwarding/forwarding';
import type { FakeCentral } from './fake-central';
import { makeCore, sampleComplaint, setUpDesk, TestClock, value } from './core';

export type Desk = ReturnType<typeof makeCore>;

/** A set-up desk whose clock is the wall clock (backoff timers and HTTP run on it). */
export async function wallClockDesk(forwarding: ForwardingOptions): Promise<Desk> {
  const clock = new TestClock();
  clock.now = () => new Date();
  const desk = makeCore({ clock, forwarding });
  await setUpDesk(desk.api);
  return desk;
}

export async function connect(desk: Desk, central: FakeCentral, extra: Record<string, unknown> = {}) {
  value(
    await desk.api.dispatch(
      'forwarding.saveSettings',
      { url: central.url, token: central.token, enabled: true, ...extra },
      'admin',
    ),
  );
  desk.core.forwarding.start();
}

export async function save(desk: Desk, title = sampleComplaint.title): Promise<string> {
  return value<{ id: string }>(
    await desk.api.dispatch('complaints.create', { ...sampleComplaint, title }, 'admin'),
  ).id;
}

export async function until(check: () => Promise<boolean> | boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out waiting');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
