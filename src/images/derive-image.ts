/**
 * The web-size image of a page, derived with sharp (libvips) from the image
 * as given, and kept in the build cache by the image's content, so a rebuild
 * derives only new or changed images.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';

/**
 * Width of the web-size image, in pixels: a page read at screen width,
 * zoomable to about twice that. Half the width of an A3 page scanned at 300
 * dpi, so libvips decodes such a JPEG at half size (shrink-on-load), the
 * largest part of the work.
 */
export const WEB_WIDTH = 1240;

/** A JPEG or WebP as given that is no wider than `WEB_WIDTH` and no larger than this serves as its own web-size image. */
export const WEB_MAX_BYTES = 1024 * 1024;

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
  /** File names in the image folder: the web-size image, and the image as given (the same file when the image is small enough). */
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
 * Read the size of `file` (its header only), copy it into `dir` and name
 * its web-size image, both by `key`. The web-size image is made by the
 * `write` returned (null when there is nothing to make), so the build can
 * make it while it renders: the pages need only the sizes.
 *
 * @param key Content hash of the image and the version of this code.
 * @throws ImageError for a file that does not decode as an image or is too large; `write` throws it for pixel data that does not decode.
 */
export async function deriveImage(file: string, bytes: Buffer, key: string, dir: string): Promise<{ derived: DerivedImage; write: (() => Promise<void>) | null }> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageError(`image too large (${(bytes.length / 1048576).toFixed(0)} MB; the limit is ${MAX_IMAGE_BYTES / 1048576} MB)`);
  const ext = path.extname(file).toLowerCase().replace('.jpeg', '.jpg');
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
  const asGiven = width <= WEB_WIDTH && bytes.length <= WEB_MAX_BYTES && meta.format !== 'png';
  const webFile = asGiven ? fullFile : `${key}-web.jpg`;
  const web = path.join(dir, webFile);
  const full = path.join(dir, fullFile);
  if (!fs.existsSync(full)) writeAtomic(full, bytes);
  const write = async () => {
    let out: Buffer;
    try {
      // Note: JPEG, not WebP: WebP took twice as long to encode even at effort 0, for files a seventh smaller.
      out = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).resize({ width: webWidth }).jpeg({ quality: 72 }).toBuffer();
    } catch (e) {
      throw new ImageError(`does not decode as an image (${(e as Error).message})`);
    }
    writeAtomic(web, out);
  };
  return { derived: { width, height, bytes: bytes.length, webWidth, webHeight, webFile, fullFile }, write: asGiven || fs.existsSync(web) ? null : write };
}

/** Write a file under a temporary name and rename it, so a killed build never leaves half a file under the name. */
function writeAtomic(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
