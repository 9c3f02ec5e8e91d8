/**
 * Draining 10,000 waiting complaints (and their first events) to the fake central server in
 * another process: records per second, against a bare loop of the same HTTP requests with the
 * same concurrency, and the queue's page latency while the drain runs.
 */
import {
  alternateDrains,
  benchDesk,
  drainDesk,
  median,
  startCentralProcess,
  timed,
  outboxSteps,
} from './central-process';
import { startProfile } from './profile';
import { ms, summarize } from './stats';

export async function benchDrain(count: number, log: (s: string) => void) {
  const central = await startCentralProcess();
  const url = central.url;
  const concurrency = 8;
  const desk = await benchDesk('desk-drain-', concurrency);
  const { core, api } = desk;
  try {
    log(`  recording ${count.toLocaleString('en')} complaints (each with two events) while offline…`);
    for (let i = 0; i < count; i++) {
      const saved = await api.dispatch(
        'complaints.create',
        {
          type: 'PENGADUAN',
          channel: 'TATAP_MUKA',
          title: `Jalan berlubang depan pasar nomor ${i}`,
          agencyCode: 'DPUPR',
          body: 'Jalan di depan pasar berlubang sejak sebulan dan membahayakan pengendara motor pada malam hari.',
          complainantName: 'Siti Aminah',
          phone: '081234567890',
          nik: '3513014507900001',
        },
        'b',
      );
      // A second event, so each complaint has three messages that must arrive in order.
      if (saved.ok)
        await api.dispatch(
          'complaints.act',
          { action: 'VERIFY', id: (saved.value as { id: string }).id },
          'b',
        );
    }
    // The bodies the desk will send (frozen in the outbox), grouped per complaint in the desk's order.
    const { groups } = outboxSteps(core);
    const requests = groups.reduce((n, g) => n + g.length, 0);

    // First the desk's drain with an officer reading the queue every 5 ms (how the desk answers while
    // it drains); this run and one plain run also warm both sides' code.
    const pageTimes: number[] = [];
    let draining = true;
    const reader = (async () => {
      while (draining) {
        const s = process.hrtime.bigint();
        await api.dispatch('complaints.queue', { sort: 'newest', limit: 50 }, 'b');
        pageTimes.push(Number(process.hrtime.bigint() - s) / 1e6);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await api.dispatch('forwarding.saveSettings', { url, token: 'central-token', enabled: true }, 'b');
    core.forwarding.start();
    const withReaderSeconds = await timed(() => drainDesk(core));
    draining = false;
    await reader;
    const [complaints, events] = await central.count();
    await central.reset();
    // Then alternating rounds, each alone on the machine; the medians are compared (this 2-core VM is noisy).
    const profile = await startProfile();
    const { plainTimes, deskTimes } = await alternateDrains({
      url,
      groups,
      lanes: concurrency,
      core,
      central,
    });
    await profile.stop('drain');
    const bareSeconds = median(plainTimes);
    const deskSeconds = median(deskTimes);
    const status = core.forwarding.status();
    const pages = summarize(pageTimes);
    log(
      `  rounds (s): plain ${plainTimes.map((x) => x.toFixed(2)).join(', ')}; desk ${deskTimes.map((x) => x.toFixed(2)).join(', ')}`,
    );
    log(
      `  plain loop (median): ${requests.toLocaleString('en')} requests in ${bareSeconds.toFixed(2)} s = ${(count / bareSeconds).toFixed(0)} complaints/s`,
    );
    log(
      `  desk drain (median): ${deskSeconds.toFixed(2)} s = ${(count / deskSeconds).toFixed(0)} complaints/s (${(requests / deskSeconds).toFixed(0)} records/s), x${(deskSeconds / bareSeconds).toFixed(2)} of the plain loop   target >= 1000 records/s, <= x1.5`,
    );
    log(
      `  server holds ${complaints} complaints and ${events} events; desk waiting ${status.waiting}, parked ${status.parked}`,
    );
    log(`  desk drain with the queue read every 5 ms (first run): ${withReaderSeconds.toFixed(2)} s`);
    log(
      `  queue page while draining: median ${ms(pages.median)} ms, p99 ${ms(pages.p99)} ms over ${pages.n} reads   target p99 < 20 ms`,
    );
    return { bareSeconds, deskSeconds, requests: requests, pages };
  } finally {
    desk.close();
    central.stop();
  }
}
