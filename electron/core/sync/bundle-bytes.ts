// A bundle's bytes, read where they are: a buffer already in memory, or a private file read a window at a time.
// A prefecture's bundle is 80 MB; the verifier and the import walk it from start to end (the events are checked
// in file order and stored in the same order), so on disk only a few megabytes of it are in memory at once.
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';

const WINDOW = 4 * 1024 * 1024;

export interface BundleBytes {
  readonly size: number;
  /**
   * The loaded bytes, holding at least file[pos, pos + min(want, size - pos)); their first byte is file[base].
   * No copy and no new object per call (the verifier asks a few times per event, 100,000 times): valid until the
   * next call.
   */
  window(pos: number, want: number): Buffer;
  /** Where the last window starts in the file. */
  readonly base: number;
  /** file[start, end) exactly; valid until the next read. */
  slice(start: number, end: number): Buffer;
  /** file[start, end) decoded. */
  text(start: number, end: number, encoding: 'utf8' | 'latin1'): string;
  /** Lets go of the file (and removes it, where it was a private copy); reading after this is an error. */
  close(): void;
}

export function bytesInMemory(bytes: Uint8Array): BundleBytes {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buf.length,
    base: 0,
    window: () => buf,
    slice: (start, end) => buf.subarray(start, end),
    text: (start, end, encoding) => buf.toString(encoding, start, end),
    close: () => {},
  };
}

/**
 * A file nobody else writes (an upload, a private copy), read through one window that moves forward with the
 * reader; a read outside it loads the window there. One buffer serves every load: a new buffer per window
 * left ~60 MB of released windows for the garbage collector, which counts them late. So what window and slice
 * give is valid until the next read: use it at once (every reader here decodes, hashes or binds it at once).
 * The handle stays open until close.
 */
export function bytesOnDisk(path: string, size: number, onClose: () => void = () => {}, windowBytes = WINDOW): BundleBytes {
  let fd: number | null = openSync(path, 'r');
  let buf = Buffer.alloc(0);
  let win = buf;
  let base = 0;
  const window = (pos: number, want: number): Buffer => {
    const need = Math.min(want, size - pos);
    if (pos >= base && pos + need <= base + win.length) return win;
    if (fd === null) throw new Error('bundle file already closed');
    const length = Math.min(size - pos, Math.max(windowBytes, need));
    if (buf.length < length) buf = Buffer.allocUnsafeSlow(Math.max(length, Math.min(windowBytes, size)));
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, pos + got);
      if (n === 0) throw new Error(`bundle file shorter than ${size} bytes`);
      got += n;
    }
    // What a view from before this load saw beyond the new bytes is scrubbed: a view kept past the next read
    // then reads zeros, never by luck the right bytes, so such a misuse fails loudly in tests.
    if (length < buf.length) buf.fill(0, length);
    base = pos;
    win = buf.subarray(0, length);
    return win;
  };
  return {
    size,
    get base() {
      return base;
    },
    window,
    slice: (start, end) => window(start, end - start).subarray(start - base, end - base),
    text: (start, end, encoding) => window(start, end - start).toString(encoding, start - base, end - base),
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
      buf = win = Buffer.alloc(0);
      onClose();
    },
  };
}

/** The first place of needle at or after from, or -1. */
export function indexOfIn(bytes: BundleBytes, needle: Buffer, from: number): number {
  for (let pos = from; pos <= bytes.size - needle.length; ) {
    const w = bytes.window(pos, needle.length);
    const i = w.indexOf(needle, pos - bytes.base);
    if (i >= 0) return bytes.base + i;
    const loadedEnd = bytes.base + w.length;
    if (loadedEnd >= bytes.size) return -1;
    pos = loadedEnd - needle.length + 1;
  }
  return -1;
}

/** The loaded bytes from pos on (a window's worth on disk, the rest of the buffer in memory); valid until the next read. */
function rest(bytes: BundleBytes, pos: number, want: number): Buffer {
  const w = bytes.window(pos, want);
  return w.subarray(pos - bytes.base);
}

export function sha256Of(bytes: BundleBytes, start: number, end: number): string {
  const h = createHash('sha256');
  for (let pos = start; pos < end; ) {
    const chunk = rest(bytes, pos, 1).subarray(0, end - pos);
    h.update(chunk);
    pos += chunk.length;
  }
  return h.digest('hex');
}

/**
 * Whether the whole is valid UTF-8, a window at a time: each piece ends before a byte that starts a character,
 * so a character is never cut in two, and the whole is valid exactly when every piece is.
 */
export function isUtf8Of(bytes: BundleBytes): boolean {
  for (let pos = 0; pos < bytes.size; ) {
    const chunk = rest(bytes, pos, 8);
    let cut = chunk.length;
    if (pos + cut < bytes.size) {
      // At least four bytes in (the window holds eight or more), back to where a character starts: at most three
      // steps in valid UTF-8.
      cut -= 4;
      for (let back = 0; (chunk[cut]! & 0xc0) === 0x80; back++, cut--) if (back === 3) return false;
    }
    if (!isUtf8(chunk.subarray(0, cut))) return false;
    pos += cut;
  }
  return true;
}
