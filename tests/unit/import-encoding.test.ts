// The encoding of an imported text file, decided from the evidence (issue 16 §2): real UTF-8 and GBK files, UTF-8
// with a few stray bytes (kept as UTF-8, the bytes replaced and reported by place), UTF-16 with a BOM.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, scanUtf8 } from '../../shared/import/encoding';

const OWN = join(__dirname, '../fixtures/import');
const utf8 = readFileSync(join(OWN, 'five-parts.txt'));
const gbk = readFileSync(join(OWN, 'five-parts-gbk.txt'));
const jianghai = readFileSync(join(__dirname, '../../../shared/fixtures/reports/jianghai-2025-webpage.txt'));

describe('decodeText', () => {
  it('reads clean UTF-8 (with or without a BOM) without a note', () => {
    expect(decodeText(utf8)).toEqual({ text: utf8.toString('utf8'), encoding: 'utf-8', notes: [] });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text).toBe(utf8.toString('utf8'));
  });

  it('reads GBK as GB18030 and says so', () => {
    const d = decodeText(gbk, 'a.txt');
    expect(d.encoding).toBe('gb18030');
    expect(d.text.replace(/\r\n/g, '\n')).toBe(utf8.toString('utf8').replace(/\r\n/g, '\n'));
    expect(d.notes[0]!.message).toContain('GB18030');
  });

  it('keeps UTF-8 with a few stray bytes as UTF-8, replacing them and saying where they were', () => {
    const nl = jianghai.indexOf(0x0a, 3000) + 1;
    const bytes = Buffer.concat([jianghai.subarray(0, nl), Buffer.from('第'), Buffer.from([0xed, 0xa0, 0x80]), jianghai.subarray(nl)]);
    const line = jianghai.subarray(0, nl).toString('utf8').split('\n').length;
    const d = decodeText(bytes, 'b.txt');
    expect(d.encoding).toBe('utf-8');
    expect(d.invalid).toEqual([{ offset: nl + 3, length: 3, line, column: 2 }]);
    expect(d.text).toContain('第\ufffd\ufffd\ufffd');
    expect(d.text.replace('第\ufffd\ufffd\ufffd', '')).toBe(jianghai.toString('utf8'));
    expect(d.notes).toEqual([{ severity: 'warning', message: expect.stringContaining(`1 处字节不是有效的 UTF-8（第 ${line} 行第 2 字（字节 ${nl + 3}，3 个字节））`) }]);
  });

  it('does not take a GBK file with a stray byte for UTF-8', () => {
    const d = decodeText(Buffer.concat([gbk.subarray(0, 200), Buffer.from([0xff]), gbk.subarray(200)]));
    expect(d.encoding).toBe('gb18030');
  });

  it('reads UTF-16 with a BOM, either byte order', () => {
    const text = utf8.toString('utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(le)).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('scans by the WHATWG rules: overlong forms, surrogates and truncated sequences are invalid', () => {
    expect(scanUtf8(Buffer.from([0xc0, 0xaf])).invalidBytes).toBe(2);
    expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80])).invalid).toHaveLength(1);
    expect(scanUtf8(Buffer.from([0xe6, 0xb3])).invalidBytes).toBe(2);
    expect(scanUtf8(Buffer.from('法治', 'utf8'))).toMatchObject({ invalidBytes: 0, multiByteChars: 2 });
  });
});
