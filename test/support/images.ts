/** Images for attachment tests and benches, made by sharp. */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/**
 * A phone's photo: 4000 x 3000 of coarse noise (so it stays large as JPEG, as a real photo does),
 * taken sideways (EXIF orientation 6), with a maker and a copyright in its EXIF.
 */
export async function phonePhoto(quality = 95): Promise<Buffer> {
  const noise = await sharp(randomBytes(1000 * 750 * 3), { raw: { width: 1000, height: 750, channels: 3 } })
    .resize(4000, 3000, { kernel: 'nearest' })
    .blur(1.2)
    .raw()
    .toBuffer();
  return sharp(noise, { raw: { width: 4000, height: 3000, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'PonselUji', Copyright: 'Warga Probolinggo' } })
    .jpeg({ quality })
    .toBuffer();
}
