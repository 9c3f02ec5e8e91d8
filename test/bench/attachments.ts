/**
 * npm run bench:attachments: adding a phone's photo (about 5 MB) to a record through the desk's API,
 * as the renderer does (1 MiB chunks, then add: type check, re-encode, thumbnail, encrypt, store),
 * beside the floor: sharp turning, scaling and encoding the same bytes and making the thumbnail, with
 * nothing else. Meanwhile the event loop's delay says whether the intake form would stay responsive.
 * Then (each part switched off with its variable set to 0, or on with 1):
 * - BENCH_TYPING: typing on the intake form in Chromium while such a photo goes up (intake-typing.ts;
 *   browser mode, so `npm run build` first);
 * - BENCH_FORWARD: forwarding 1,000 complaints with two photos each (forward-files.ts; the count in
 *   BENCH_FORWARD_COUNT);
 * - BENCH_AT_SIZE=1 (off by default: it copies the 1M data set once): the queue and the detail pane
 *   at 1M complaints with 300,000 attachments (attachments-at-size.ts).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';
import { phonePhoto } from '../support/images';
import { uploadBytes } from '../support/uploads';
import { benchAttachmentsAtSize } from './attachments-at-size';
import { benchForwardFiles } from './forward-files';
import { benchIntakeTyping } from './intake-typing';
import { resultLine, timeAsync } from './stats';

const desk = makeCore();
await setUpDesk(desk.api);
const photo = await phonePhoto(90);
console.log(`== attachments: a ${(photo.length / 1024 / 1024).toFixed(1)} MB phone photo, 4000 x 3000`);
const ids: string[] = [];
for (let i = 0; i < 12; i++)
  ids.push(value<{ id: string }>(await desk.api.dispatch('complaints.create', sampleComplaint, 'admin')).id);
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const deskTiming = await timeAsync(
  10,
  async (i) => {
    const uploadId = await uploadBytes(desk.api, photo);
    value(
      await desk.api.dispatch(
        'attachments.add',
        { uploadId, complaintId: ids[i]!, name: 'foto.jpg' },
        'admin',
      ),
    );
  },
  2,
);
loop.disable();
const floor = await timeAsync(
  10,
  async () => {
    const data = await sharp(photo)
      .rotate()
      .resize(2048, 2048, { fit: 'inside' })
      .jpeg({ quality: 82 })
      .toBuffer();
    await sharp(data).resize(240, 240, { fit: 'inside' }).webp({ quality: 70 }).toBuffer();
  },
  2,
);
console.log(
  resultLine(
    'add a phone photo to a record (upload, check, re-encode, thumbnail, store)',
    deskTiming,
    floor,
    '< 1 s',
    74,
  ),
);
console.log(
  `  event loop meanwhile: delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms (a keystroke waits at most this long)`,
);
desk.close();

if (process.env.BENCH_TYPING !== '0') {
  console.log('== the intake form while a photo goes up (Chromium, browser mode, 1366x768)');
  await benchIntakeTyping((l) => console.log(l));
}

if (process.env.BENCH_FORWARD !== '0') {
  console.log('== forwarding attachments over loopback');
  await benchForwardFiles(Number(process.env.BENCH_FORWARD_COUNT ?? 1000), (l) => console.log(l));
}

// BENCH_AT_SIZE=1: the queue and the detail pane at 1M complaints with 300,000 attachments.
if (process.env.BENCH_AT_SIZE === '1') {
  console.log('== the queue and the detail pane at 1,000,000 complaints with 300,000 attachments');
  await benchAttachmentsAtSize();
}
