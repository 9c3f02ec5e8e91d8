/**
 * What an attachment is, by its bytes and never its name, and making it safe to keep and show.
 * - The type is read from the content's first bytes (JPEG, PNG, WebP, PDF); anything else is refused,
 *   whatever it is called.
 * - An image is decoded and encoded again by sharp (libvips): what was hidden in the file (a script,
 *   a second file after the image, metadata) does not survive. It is turned upright by its EXIF
 *   orientation, made at most 2,048 px on its long side, and stripped of its metadata, location
 *   included, unless the officer keeps the location as evidence. Its thumbnail is made once, here.
 * - A PDF is kept as it came (it cannot be re-encoded), checked to be whole; the desk never renders
 *   one (it is saved out and opened by the PC's own reader).
 * Decoding runs on libuv's thread pool: the desk's thread stays free while a photo is prepared.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { say } from '../../shared/i18n';
import type { AttachmentMime } from '../../shared/contract/attachments';
import { DeskFailure } from '../platform/failure';

/** Larger images are refused before decoding (a small file can claim 100,000 × 100,000 pixels). */
export const maxInputPixels = 50_000_000;
export const maxSide = 2048;
export const thumbSide = 240;

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type by the content's signature, or null for anything the desk does not keep. */
export function sniff(bytes: Buffer): AttachmentMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(png)) return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (bytes.length >= 8 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export interface Prepared {
  mime: AttachmentMime;
  content: Buffer;
  sha256: string;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
}

const refuse = (key: string, params?: Record<string, string | number>) => {
  const message = say(key, params);
  return new DeskFailure('VALIDATION', message, { file: message });
};

const sharpFormat: Record<string, AttachmentMime> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The content to keep for `bytes`, or a refusal naming the file in Bahasa Indonesia. */
export async function prepare(bytes: Buffer, options: { keepLocation: boolean }): Promise<Prepared> {
  const mime = sniff(bytes);
  if (!mime) throw refuse('errors.attachmentType');
  if (mime === 'application/pdf') {
    // A whole PDF ends with %%EOF (after any incremental updates), give or take trailing bytes.
    if (!bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF'))
      throw refuse('errors.attachmentDamaged');
    return { mime, content: bytes, sha256: sha256(bytes), thumb: null, width: null, height: null };
  }
  const input = { limitInputPixels: maxInputPixels, failOn: 'truncated' as const };
  let format: string | undefined;
  let pixels: number;
  try {
    const meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    throw refuse('errors.attachmentDamaged');
  }
  // Its signature said one type and its body is another (or something sharp reads but the desk
  // does not keep, a GIF with a JPEG's first bytes, say).
  if (format === undefined || sharpFormat[format] !== mime) throw refuse('errors.attachmentDamaged');
  if (pixels > maxInputPixels)
    throw refuse('errors.attachmentPixels', { megapixels: maxInputPixels / 1_000_000 });
  try {
    let image = sharp(bytes, input)
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    // sharp writes no metadata unless asked: kept only when the location is evidence.
    if (options.keepLocation) image = image.keepExif();
    image =
      mime === 'image/jpeg'
        ? image.jpeg({ quality: 82 })
        : mime === 'image/png'
          ? image.png({ compressionLevel: 6 })
          : image.webp({ quality: 82 });
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data)
      .resize({ width: thumbSide, height: thumbSide, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return { mime, content: data, sha256: sha256(data), thumb, width: info.width, height: info.height };
  } catch {
    throw refuse('errors.attachmentDamaged');
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
