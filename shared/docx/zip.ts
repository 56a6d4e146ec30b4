// A cautious zip reader for Word packages (shared, pure): reads the central directory, refuses archives that are too
// many or too large before inflating anything, and inflates one entry at a time with fflate's streaming inflater,
// stopping the moment the output passes its cap (a zip bomb's declared sizes are not trusted).
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Most entries the archive may list. */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all inflated entries together may take. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };

/** A package that cannot be read; `message` is for the user (Chinese). */
export class PackageError extends Error {
  constructor(message: string, readonly reason: 'not-zip' | 'too-large' | 'damaged' | 'unsupported' | 'not-docx' | 'xml') {
    super(message);
    this.name = 'PackageError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const DAMAGED = '文件已损坏（压缩包结构不完整），无法读取。';

/** The entries of the archive's central directory, checked against the limits. */
export function listZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) {
    throw new PackageError('这不是 Word 文档（.docx）：文件不是 Office Open XML 压缩包。', 'not-zip');
  }
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new PackageError(DAMAGED, 'damaged');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new PackageError('不支持 ZIP64 格式的大型压缩包，这不像是一份报告。', 'unsupported');
  if (count > limits.maxEntries) throw new PackageError(`文件包含的条目过多（${count} 个），不像是一份报告，已拒绝读取。`, 'too-large');
  if (cdOffset + cdSize > bytes.length) throw new PackageError(DAMAGED, 'damaged');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new PackageError(DAMAGED, 'damaged');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen > bytes.length) throw new PackageError(DAMAGED, 'damaged');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size > limits.maxEntryBytes) {
      throw new PackageError(`文件中的“${name.slice(0, 60)}”解压后过大（${(size / 1024 / 1024).toFixed(1)} MB），不像是一份报告，已拒绝读取。`, 'too-large');
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new PackageError(`文件解压后总大小超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB，不像是一份报告，已拒绝读取。`, 'too-large');
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflates one entry, never producing more than `cap` bytes (nor more than the entry declares). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, cap: number): Uint8Array {
  if (entry.flags & 1) throw new PackageError('文件已加密（设置了打开密码），请在 Word 或 WPS 中取消密码后再导入。', 'unsupported');
  const p = entry.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new PackageError(DAMAGED, 'damaged');
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new PackageError(DAMAGED, 'damaged');
  const data = bytes.subarray(start, end);
  const limit = Math.min(cap, entry.size);
  if (entry.method === 0) {
    if (data.length > limit) throw new PackageError(DAMAGED, 'damaged');
    return data.slice();
  }
  if (entry.method !== 8) throw new PackageError(`文件使用了不支持的压缩方式（${entry.method}），无法读取。`, 'unsupported');
  const out = new Uint8Array(limit);
  let length = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    if (length + chunk.length > limit) { overflow = true; return; }
    out.set(chunk, length);
    length += chunk.length;
  });
  // Small steps: one deflate step can expand ~1000×, so a step of 4 KiB never holds more than ~4 MiB at once.
  const STEP = 4096;
  try {
    for (let o = 0; o < data.length && !overflow; o += STEP) {
      inflater.push(data.subarray(o, Math.min(data.length, o + STEP)), o + STEP >= data.length);
    }
  } catch {
    throw new PackageError(DAMAGED, 'damaged');
  }
  if (overflow) {
    throw new PackageError(`文件中的“${entry.name.slice(0, 60)}”解压后超出声明的大小或上限，文件已损坏或被篡改，已拒绝读取。`, 'too-large');
  }
  return length === out.length ? out : out.slice(0, length);
}
