/**
 * What decoding each scan gave (its text's digest and the decoder's
 * warnings), remembered from one build to the next by the file's identity:
 * its path, size, mtime, ctime and inode, as git's index and rsync tell an
 * unchanged file. A rebuild then reads and decodes only the scans that
 * changed; the text of the others is read when a page shows it. Reading,
 * decoding and hashing 5,000 scans was over a second of every rebuild.
 *
 * One cache entry holds every scan's (`KeptRecords`). It is only an aid: a
 * missing, damaged or other version's entry is as none (every scan is read),
 * and a record whose file changed since is never used.
 */
import type { DecodeWarning } from './decode-scan.ts';
import type { ScanStat } from '../types.ts';
import { KeptRecords, type BuildCache } from '../cache/build-cache.ts';

/** What decoding the file gave. */
export interface Decoded {
  /** SHA-256 of the decoded text. */
  digest: string;
  warnings: DecodeWarning[];
}

/**
 * A file changed less than this long before it was looked at is not
 * remembered: on a file system that keeps mtimes in seconds (or two, FAT's)
 * a second write in the same tick would leave size and mtime as they were
 * (git calls such entries "racily clean"). It is read again next time.
 */
export const SETTLED_MS = 3000;

type Entry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, digest: string, warnings: DecodeWarning[]];

export class ScanMemo {
  private readonly records: KeptRecords<Entry>;

  /**
   * @param name What the scans are of (the input folder and the shard taken).
   * @param version Version of the decoder: records of another are not used.
   */
  constructor(cache: BuildCache, name: string, version: string) {
    this.records = new KeptRecords(cache, 'scans', name, version);
  }

  /** What decoding the scan at `scanPath` gave, if the file is as it was then. */
  get(scanPath: string, st: ScanStat): Decoded | undefined {
    const e = this.records.peek(scanPath);
    if (!e || e[0] !== st.size || e[1] !== st.mtimeMs || e[2] !== st.ctimeMs || e[3] !== st.ino) return undefined;
    this.records.use(scanPath);
    return { digest: e[4], warnings: e[5] };
  }

  /**
   * Remember what decoding the file gave.
   *
   * @param statAt When the file was stat'ed (ms since the epoch), before it was read.
   */
  set(scanPath: string, st: ScanStat, decoded: Decoded, statAt: number): void {
    if (Math.max(st.mtimeMs, st.ctimeMs) > statAt - SETTLED_MS) return;
    this.records.put(scanPath, [st.size, st.mtimeMs, st.ctimeMs, st.ino, decoded.digest, decoded.warnings]);
  }

  /** Store the records of the scans this build saw. */
  save(): void {
    this.records.save();
  }
}
