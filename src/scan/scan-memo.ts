/**
 * What decoding each scan gave (its text's digest and the decoder's
 * warnings), remembered from one build to the next by the file's identity:
 * its path, size, mtime, ctime and inode, as git's index and rsync tell an
 * unchanged file. A rebuild then reads and decodes only the scans that
 * changed; the text of the others is read when a page shows it. Reading,
 * decoding and hashing 5,000 scans was over a second of every rebuild.
 *
 * One file in the build cache holds every entry. It is only an aid: a
 * missing, damaged or other version's file is ignored (every scan is read),
 * and an entry whose file changed since is never used.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DecodeWarning } from './decode-scan.ts';
import type { ScanStat } from '../types.ts';

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

interface MemoFile {
  version: string;
  scans: Record<string, Entry>;
}

export class ScanMemo {
  private readonly known: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};
  private changed = false;

  /**
   * @param file The memo's file, or null to remember nothing (no cache).
   * @param version Version of the decoder: entries of another are not used.
   */
  constructor(
    private readonly file: string | null,
    private readonly version: string,
  ) {
    this.known = file ? (readMemo(file, version) ?? {}) : {};
  }

  /** What decoding the scan at `scanPath` gave, if the file is as it was then. */
  get(scanPath: string, st: ScanStat): Decoded | undefined {
    const e = Object.hasOwn(this.known, scanPath) ? this.known[scanPath] : undefined;
    if (!Array.isArray(e) || e[0] !== st.size || e[1] !== st.mtimeMs || e[2] !== st.ctimeMs || e[3] !== st.ino || typeof e[4] !== 'string' || !Array.isArray(e[5])) return undefined;
    this.next[scanPath] = e;
    return { digest: e[4], warnings: e[5] };
  }

  /**
   * Remember what decoding the file gave.
   *
   * @param statAt When the file was stat'ed (ms since the epoch), before it was read.
   */
  set(scanPath: string, st: ScanStat, decoded: Decoded, statAt: number): void {
    if (Math.max(st.mtimeMs, st.ctimeMs) > statAt - SETTLED_MS) return;
    this.next[scanPath] = [st.size, st.mtimeMs, st.ctimeMs, st.ino, decoded.digest, decoded.warnings];
    this.changed = true;
  }

  /** Write the entries of the scans this build saw (written to a temporary file and renamed), when they differ from the file's. */
  save(): void {
    if (!this.file) return;
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    const memo: MemoFile = { version: this.version, scans: this.next };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(memo));
    fs.renameSync(tmp, this.file);
  }
}

function readMemo(file: string, version: string): Record<string, Entry> | null {
  try {
    const memo = JSON.parse(fs.readFileSync(file, 'utf8')) as MemoFile;
    return memo.version === version && memo.scans && typeof memo.scans === 'object' ? memo.scans : null;
  } catch {
    return null;
  }
}
