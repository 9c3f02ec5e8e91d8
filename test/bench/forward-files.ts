/**
 * Forwarding attachments (issue 15): 1,000 complaints with two photos each, recorded while offline,
 * then drained to the fake central server in another process over loopback; throughput in MB/s of
 * file bytes, beside a plain loop sending the same requests (the same JSON bodies and the same file
 * bytes in the same 1 MiB pieces, in the same per-complaint order and concurrency) with no checks,
 * no bookkeeping and no disk.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { uploadBytes } from '../support/uploads';
import {
  alternateDrains,
  benchDesk,
  drainDesk,
  median,
  startCentralProcess,
  outboxSteps,
} from './central-process';

export async function benchForwardFiles(count: number, log: (s: string) => void) {
  const central = await startCentralProcess();
  const url = central.url;
  const concurrency = 8;
  const desk = await benchDesk('desk-files-', concurrency);
  const { core, call } = desk;
  try {
    // A phone photo as the desk keeps it is about 2048 x 1536; each one different (no deduplication).
    log(`  recording ${count.toLocaleString('en')} complaints with two photos each while offline…`);
    for (let i = 0; i < count; i++) {
      const { id } = (await call('complaints.create', {
        type: 'PENGADUAN',
        channel: 'TATAP_MUKA',
        title: `Jalan berlubang depan pasar nomor ${i}`,
        agencyCode: 'DPUPR',
        body: 'Jalan di depan pasar berlubang sejak sebulan dan membahayakan pengendara motor pada malam hari.',
        complainantName: 'Siti Aminah',
        phone: '081234567890',
      })) as { id: string };
      for (let k = 0; k < 2; k++) {
        // Coarse noise of its own, so that no two photos are alike after the desk's re-encoding.
        const photo = await sharp(randomBytes(512 * 384 * 3), {
          raw: { width: 512, height: 384, channels: 3 },
        })
          .resize(2048, 1536, { kernel: 'nearest' })
          .blur(1.5)
          .jpeg({ quality: 90 })
          .toBuffer();
        const uploadId = await uploadBytes(desk.api, photo, 'b');
        await call('attachments.add', { uploadId, complaintId: id, name: `foto-${k}.jpg` });
      }
    }
    // What the desk will send, per complaint in its order: JSON bodies, and files by their bytes.
    const { groups, fileBytes } = outboxSteps(core);
    await call('forwarding.saveSettings', { url, token: 'central-token', enabled: true });
    core.forwarding.start();
    // A first desk drain warms the desk's side; then alternating rounds.
    await drainDesk(core);
    const [complaints, events, files, stored] = await central.count();
    await central.reset();
    const { plainTimes, deskTimes } = await alternateDrains({
      url,
      groups,
      lanes: concurrency,
      core,
      central,
    });
    const mb = fileBytes / 1024 / 1024;
    const plain = median(plainTimes);
    const deskSeconds = median(deskTimes);
    log(
      `  ${count.toLocaleString('en')} complaints, ${files} photos, ${mb.toFixed(0)} MB of files (${(fileBytes / files / 1024).toFixed(0)} kB each)`,
    );
    log(
      `  rounds (s): plain ${plainTimes.map((x) => x.toFixed(2)).join(', ')}; desk ${deskTimes.map((x) => x.toFixed(2)).join(', ')}`,
    );
    log(
      `  forwarding complaints with their photos   desk ${(mb / deskSeconds).toFixed(1)} MB/s (${deskSeconds.toFixed(2)} s)   plain upload loop ${(mb / plain).toFixed(1)} MB/s (${plain.toFixed(2)} s)   x${(deskSeconds / plain).toFixed(2)}`,
    );
    log(
      `  server held after the first drain: ${complaints} complaints, ${events} events, ${files} files, ${(stored / 1024 / 1024).toFixed(0)} MB stored (each byte once)`,
    );
    return { mbPerSecond: mb / deskSeconds, plainMbPerSecond: mb / plain };
  } finally {
    desk.close();
    central.stop();
  }
}
