/**
 * The read after start (core.warmUp): it reads and never writes, and a failure there is only logged,
 * never thrown into the shell that called it.
 */
import { describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';
import { memoryLog } from '../support/memory-log';

describe('the warm-up after start', () => {
  it('reads the queue and its counts, writing nothing', async () => {
    const t = makeCore();
    try {
      await setUpDesk(t.api);
      for (let i = 0; i < 3; i++) value(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
      const changes = () => t.core.ctx.sqlite.prepare('SELECT total_changes()').pluck().get();
      const before = changes();
      t.core.warmUp();
      expect(changes()).toBe(before);
    } finally {
      t.close();
    }
  });

  it('logs a failure instead of throwing it', async () => {
    const log = memoryLog();
    const t = makeCore({ log });
    try {
      await setUpDesk(t.api);
      t.core.ctx.sqlite.close();
      expect(() => t.core.warmUp()).not.toThrow();
      expect(log.lines.find((l) => l.event === 'warm_up.failed')?.level).toBe('warn');
    } finally {
      t.close();
    }
  });
});
