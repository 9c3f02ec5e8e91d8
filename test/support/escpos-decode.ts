/**
 * Reads ESC/POS bytes back into what a printer would do: text lines (with their alignment and
 * emphasis), QR codes stored with GS ( k, raster images from GS v 0, and cuts. Unknown commands
 * fail loudly, so a test notices when the encoder starts sending something new.
 */
export interface DecodedLine {
  text: string;
  /** From ESC a; this encoder centres by padding instead, see centred(). */
  align: 'left' | 'center' | 'right';
  bold: boolean;
  widthScale: number;
}

export interface DecodedReceipt {
  lines: DecodedLine[];
  qrCodes: string[];
  images: Array<{ width: number; height: number; bits: Uint8Array }>;
  cuts: number;
  initialized: boolean;
}

export function decodeEscPos(bytes: Uint8Array): DecodedReceipt {
  const out: DecodedReceipt = { lines: [], qrCodes: [], images: [], cuts: 0, initialized: false };
  let align = 'left' as DecodedLine['align'];
  let bold = false;
  let widthScale = 1;
  let text = '';
  let lineAlign: DecodedLine['align'] = align;
  let lineBold = bold;
  let lineScale = widthScale;
  const flush = () => {
    out.lines.push({ text, align: lineAlign, bold: lineBold, widthScale: lineScale });
    text = '';
  };
  let i = 0;
  const b = (k: number) => {
    if (i + k >= bytes.length) throw new Error(`truncated command at ${i}`);
    return bytes[i + k]!;
  };
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c === 0x1b) {
      const cmd = b(1);
      if (cmd === 0x40) {
        out.initialized = true;
        i += 2;
      } else if (cmd === 0x61) {
        align = (['left', 'center', 'right'] as const)[b(2) % 48] ?? 'left';
        i += 3;
      } else if (cmd === 0x45) {
        bold = b(2) === 1;
        i += 3;
      } else if ([0x74, 0x4d, 0x2d, 0x21, 0x33, 0x64, 0x4a, 0x52, 0x56, 0x7b, 0x47].includes(cmd)) {
        i += 3;
      } else if (cmd === 0x32) {
        i += 2;
      } else throw new Error(`unknown ESC 0x${cmd.toString(16)} at ${i}`);
    } else if (c === 0x1c) {
      const cmd = b(1);
      if (cmd === 0x2e || cmd === 0x26) i += 2;
      else throw new Error(`unknown FS 0x${cmd.toString(16)} at ${i}`);
    } else if (c === 0x1d) {
      const cmd = b(1);
      if (cmd === 0x21) {
        widthScale = (b(2) >> 4) + 1;
        i += 3;
      } else if (cmd === 0x42 || cmd === 0x4c || cmd === 0x57) {
        i += cmd === 0x42 ? 3 : 4;
      } else if (cmd === 0x56) {
        const m = b(2);
        out.cuts++;
        i += m === 0x41 || m === 0x42 ? 4 : 3;
      } else if (cmd === 0x28 && b(2) === 0x6b) {
        const len = b(3) + b(4) * 256;
        const cn = b(5);
        const fn = b(6);
        if (cn === 0x31 && fn === 0x50) {
          out.qrCodes.push(Buffer.from(bytes.subarray(i + 8, i + 5 + len)).toString('latin1'));
        }
        i += 5 + len;
      } else if (cmd === 0x76 && b(2) === 0x30) {
        const xBytes = b(4) + b(5) * 256;
        const height = b(6) + b(7) * 256;
        const size = xBytes * height;
        out.images.push({ width: xBytes * 8, height, bits: bytes.slice(i + 8, i + 8 + size) });
        i += 8 + size;
      } else throw new Error(`unknown GS 0x${cmd.toString(16)} at ${i}`);
    } else if (c === 0x0a) {
      flush();
      i++;
    } else if (c === 0x0d) {
      i++;
    } else {
      if (text === '') {
        lineAlign = align;
        lineBold = false;
        lineScale = widthScale;
      }
      // The encoder centres by padding with spaces, then switches emphasis on for the words.
      if (c !== 0x20) {
        lineBold ||= bold;
        lineScale = Math.max(lineScale, widthScale);
      }
      text += String.fromCharCode(c);
      i++;
    }
  }
  if (text) flush();
  return out;
}

/** A raster image (1 bit per pixel, 1 = black) as RGBA pixels, for a QR decoder. */
export function rasterToRgba(img: { width: number; height: number; bits: Uint8Array }): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const black = (img.bits[y * (img.width / 8) + (x >> 3)]! >> (7 - (x & 7))) & 1;
      const p = (y * img.width + x) * 4;
      rgba[p] = rgba[p + 1] = rgba[p + 2] = black ? 0 : 255;
      rgba[p + 3] = 255;
    }
  }
  return rgba;
}

/** Whether a line is centred on paper of this many columns (by ESC a or by padding). */
export function centred(line: DecodedLine, columns: number): boolean {
  if (line.align === 'center') return true;
  const lead = line.text.length - line.text.trimStart().length;
  const trail = columns - line.text.trimEnd().length * line.widthScale;
  return lead > 0 && Math.abs(lead - trail) <= 1;
}
