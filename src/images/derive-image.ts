/**
 * The web-size image of a page, derived with sharp (libvips) from the image
 * as given, and kept in the build cache by the image's content, so a rebuild
 * derives only new or changed images.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';

/** Width of the web-size image, in pixels: a page read at screen width, zoomable to about twice that. */
export const WEB_WIDTH = 1400;

/** Largest image file accepted: a 600 dpi colour scan of a broadsheet page is about 60 MB. */
export const MAX_IMAGE_BYTES = 80 * 1024 * 1024;

/** Most pixels accepted (sharp refuses more before decoding): a broadsheet page at 600 dpi is about 120 million. */
export const MAX_IMAGE_PIXELS = 150_000_000;

/** What the build needs to know of a page image: sizes and the derived files in the image folder. */
export interface DerivedImage {
  width: number;
  height: number;
  bytes: number;
  webWidth: number;
  webHeight: number;
  /** File names in the image folder: the web-size image, and the image as given. */
  webFile: string;
  fullFile: string;
}

/** An image that cannot be used: it does not decode, or is too large. */
export class ImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageError';
  }
}

/**
 * Derive the web-size image of `file` into `dir` (unless it is there) and
 * copy the image as given beside it, both named by `key`.
 *
 * @param key Content hash of the image and the version of this code.
 * @throws ImageError for a file that does not decode as an image or is too large.
 */
export async function deriveImage(file: string, bytes: Buffer, key: string, dir: string): Promise<DerivedImage> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageError(`image too large (${(bytes.length / 1048576).toFixed(0)} MB; the limit is ${MAX_IMAGE_BYTES / 1048576} MB)`);
  const ext = path.extname(file).toLowerCase().replace('.jpeg', '.jpg');
  const webFile = `${key}.webp`;
  const fullFile = `${key}${ext}`;
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  } catch (e) {
    const message = (e as Error).message;
    if (/pixel limit/.test(message)) throw new ImageError(`image too large (more than ${MAX_IMAGE_PIXELS / 1e6} million pixels)`);
    throw new ImageError(`does not decode as an image (${message})`);
  }
  const { width, height } = meta;
  if (!width || !height) throw new ImageError('does not decode as an image (no size)');
  if (width * height > MAX_IMAGE_PIXELS) throw new ImageError(`image too large (${width}×${height} pixels; the limit is ${MAX_IMAGE_PIXELS / 1e6} million)`);
  if (!['jpeg', 'png', 'webp'].includes(meta.format ?? '')) throw new ImageError(`a ${meta.format} image under a ${ext} name: give pages as JPEG, PNG or WebP`);
  const webWidth = Math.min(WEB_WIDTH, width);
  const webHeight = Math.round((height * webWidth) / width);
  fs.mkdirSync(dir, { recursive: true });
  const web = path.join(dir, webFile);
  if (!fs.existsSync(web)) {
    let out: Buffer;
    try {
      // Note: effort 2 of 6 keeps WebP encoding about as quick as JPEG, for files a fifth smaller.
      out = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).resize({ width: webWidth }).webp({ quality: 72, effort: 2 }).toBuffer();
    } catch (e) {
      throw new ImageError(`does not decode as an image (${(e as Error).message})`);
    }
    writeAtomic(web, out);
  }
  const full = path.join(dir, fullFile);
  if (!fs.existsSync(full)) writeAtomic(full, bytes);
  return { width, height, bytes: bytes.length, webWidth, webHeight, webFile, fullFile };
}

/** Write a file under a temporary name and rename it, so a killed build never leaves half a file under the name. */
function writeAtomic(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
