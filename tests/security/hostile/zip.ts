// Hand-made zip archives and raw deflate streams (tests, Node): every header field is ours to set, so a test can
// write what no honest zip library would: sizes that lie, entries that share one compressed stream, names with
// `../`, and a deflate stream that expands a few megabytes into a gigabyte.
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

export interface ZipEntry {
  /** Written byte for byte (UTF-8), including `../`, a leading `/` or backslashes. */
  name: string;
  /** The bytes stored in the archive: compressed already when `method` is 8. */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** Uncompressed size written in the local header. */
  size: number;
  /** Uncompressed size written in the central directory (a lying archive makes it differ); defaults to `size`. */
  declaredSize?: number;
  /** Index of an earlier entry whose local header and data this one points at (overlapping entries). */
  sameDataAs?: number;
}

/** A stored or deflated entry of `content`, honestly described. */
export function entry(name: string, content: Uint8Array | string, deflate = true): ZipEntry {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return deflate
    ? { name, data: deflateSync(bytes, { level: 6 }), method: 8, crc: crc32(bytes), size: bytes.length }
    : { name, data: bytes, method: 0, crc: crc32(bytes), size: bytes.length };
}

/** The bytes of a zip archive holding `entries` in order (no zip64: every size must stay below 4 GiB). */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    offset += b.length;
  };
  for (const e of entries) {
    if (e.sameDataAs !== undefined) {
      offsets.push(offsets[e.sameDataAs]!);
      continue;
    }
    offsets.push(offset);
    const name = enc.encode(e.name);
    const h = new DataView(new ArrayBuffer(30));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x0800, true); // names are UTF-8
    h.setUint16(8, e.method, true);
    h.setUint32(14, e.crc >>> 0, true);
    h.setUint32(18, e.data.length, true);
    h.setUint32(22, e.size, true);
    h.setUint16(26, name.length, true);
    push(new Uint8Array(h.buffer));
    push(name);
    push(e.data);
  }
  const cdStart = offset;
  entries.forEach((e, i) => {
    const source = e.sameDataAs !== undefined ? entries[e.sameDataAs]! : e;
    const name = enc.encode(e.name);
    const h = new DataView(new ArrayBuffer(46));
    h.setUint32(0, 0x02014b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 20, true);
    h.setUint16(8, 0x0800, true);
    h.setUint16(10, source.method, true);
    h.setUint32(16, source.crc >>> 0, true);
    h.setUint32(20, source.data.length, true);
    h.setUint32(24, e.declaredSize ?? source.size, true);
    h.setUint16(28, name.length, true);
    h.setUint32(42, offsets[i]!, true);
    push(new Uint8Array(h.buffer));
    push(name);
  });
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, offset - cdStart, true);
  end.setUint32(16, cdStart, true);
  push(new Uint8Array(end.buffer));
  const out = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Writes Huffman codes most significant bit first and other fields least significant bit first, as deflate does. */
class BitWriter {
  private buf: Uint8Array;
  private bit = 0;
  constructor(capacityBytes: number) {
    this.buf = new Uint8Array(capacityBytes);
  }
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.put((value >>> i) & 1);
  }
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.put((code >>> i) & 1);
  }
  private put(b: number): void {
    if (b) this.buf[this.bit >>> 3]! |= 1 << (this.bit & 7);
    this.bit++;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, (this.bit + 7) >>> 3);
  }
}

/** The fixed-Huffman code of a literal byte (RFC 1951, 3.2.6). */
function literal(w: BitWriter, byte: number): void {
  if (byte < 144) w.code(0x30 + byte, 8);
  else w.code(0x190 + byte - 144, 9);
}

/**
 * A raw deflate stream that inflates to `prefix` followed by `fill` repeated `repeats × 258 + 1` times: one fixed
 * Huffman block of back-references of 258 bytes at distance 1, 13 bits each, the densest deflate allows (~1:1000).
 * Returns the stream, the inflated size and its CRC-32 (computed in slices, never holding the inflated bytes).
 */
export function deflateBomb(prefix: string, fill: number, repeats: number): { data: Uint8Array; size: number; crc: number } {
  const head = new TextEncoder().encode(prefix);
  const w = new BitWriter(Math.ceil((3 + (head.length + 1) * 9 + repeats * 13 + 7) / 8) + 1);
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE = fixed Huffman
  for (const b of head) literal(w, b);
  literal(w, fill);
  for (let i = 0; i < repeats; i++) {
    w.code(0xc5, 8); // length symbol 285 = 258 bytes
    w.code(0, 5); // distance symbol 0 = distance 1
  }
  w.code(0, 7); // end of block (symbol 256)
  const size = head.length + 1 + repeats * 258;
  let crc = crc32(head);
  const slice = new Uint8Array(1 << 20).fill(fill);
  let left = size - head.length;
  while (left > 0) {
    const n = Math.min(left, slice.length);
    crc = crc32(n === slice.length ? slice : slice.subarray(0, n), crc);
    left -= n;
  }
  return { data: w.bytes(), size, crc };
}
