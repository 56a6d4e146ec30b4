// fast-check arbitraries for the fuzz tests (tests): hostile text (any code point, lone surrogates, controls, the
// characters the checker's rules look at), mutations of the real published reports, and report documents of any
// shape the schema allows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Block, type HeadingLevel, MANDATED_PART_IDS, type ReportDocument, type TextLeaf } from '../../../shared/model/schema';
import { FIXTURE_REPORTS } from './files';

export const FIXTURE_TEXTS: readonly string[] = readdirSync(FIXTURE_REPORTS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(FIXTURE_REPORTS, f), 'utf8'));

const FIXTURE_LINES = FIXTURE_TEXTS.flatMap((t) => t.split(/\r?\n/)).filter((l) => l.trim().length > 0);

/**
 * Characters the rules react to: full- and half-width punctuation, brackets and quotes, digits in every form,
 * sequence markers, units, dates, and a little of the reports' own vocabulary.
 */
const RULE_ALPHABET = [
  ...'，。、；：？！,.;:?!（）()【】[]“”‘’"\'《》<>…—-～~·/%％',
  ...'0123456789０１２３４５６７８９一二三四五六七八九十百千万亿〇零两第',
  ...'年月日号时分秒个件次项人元万亿件余约近超过同比增长下降个百分点',
  ...'法治政府建设依法行政严格规范公正文明执法行政复议诉讼应诉推进深入加强落实全面报告本机关局县区市省',
  ...'的了和与及在对为是把被就都也又其他 \t\u3000\u00a0',
];

/** One "character" of hostile text: mostly from the rules' alphabet, some from anywhere in Unicode. */
const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...RULE_ALPHABET) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '\u0000', '\u200b', '\u200d', '\ufeff', '\u202e', '\r', '\n', '\r\n', '\u2028', '\ud83d\ude00', 'e\u0301') },
);

export const hostileText = (maxLength = 200): fc.Arbitrary<string> => fc.array(hostileChar, { maxLength }).map((cs) => cs.join(''));

/** A line from a real report with some characters replaced, inserted or removed. */
export const mutatedLine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FIXTURE_LINES), fc.array(fc.tuple(fc.nat(), fc.nat(3), hostileText(4)), { maxLength: 4 }))
  .map(([line, edits]) => {
    let s = line;
    for (const [at, del, ins] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });

type LineEdit =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'mutate'; at: number; text: string }
  | { kind: 'join'; at: number }
  | { kind: 'truncate'; at: number };

const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText(80) }),
  fc.record({ kind: fc.constant('mutate' as const), at: fc.nat(), text: hostileText(6) }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** A real published report (as copied from its web page) after a series of line-level edits. */
export const mutatedReport: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FIXTURE_TEXTS), fc.array(lineEdit, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([text, edits, eol]) => {
    const lines = text.split(/\r?\n/);
    for (const e of edits) {
      const n = lines.length;
      if (n === 0) break;
      const at = e.at % n;
      switch (e.kind) {
        case 'delete': lines.splice(at, e.count); break;
        case 'duplicate': lines.splice(at, 0, ...lines.slice(at, at + e.count)); break;
        case 'swap': { const o = e.other % n; [lines[at], lines[o]] = [lines[o]!, lines[at]!]; break; }
        case 'insert': lines.splice(at, 0, e.text); break;
        case 'mutate': { const l = lines[at]!; const i = e.text.length % (l.length + 1); lines[at] = l.slice(0, i) + e.text + l.slice(i + 1); break; }
        case 'join': lines.splice(at, 2, (lines[at] ?? '') + (lines[at + 1] ?? '')); break;
        case 'truncate': { const l = lines[at]!; lines.splice(at, n - at, l.slice(0, Math.floor(l.length / 2))); break; }
      }
    }
    return lines.join(eol);
  });

const leaves: fc.Arbitrary<TextLeaf[]> = fc.array(
  fc.record({ text: fc.oneof({ weight: 3, arbitrary: mutatedLine }, { weight: 2, arbitrary: hostileText(60) }), stale: fc.boolean() }, { requiredKeys: ['text'] }),
  { minLength: 1, maxLength: 3 },
);

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 2, arbitrary: fc.record({
    type: fc.constant('heading' as const),
    level: fc.constantFrom<HeadingLevel>(1, 2, 3, 4),
    parts: fc.uniqueArray(fc.constantFrom(...MANDATED_PART_IDS), { maxLength: 2 }),
    runIn: fc.boolean(),
    children: leaves,
  }, { requiredKeys: ['type', 'level', 'children'] }) },
  { weight: 5, arbitrary: fc.record({ type: fc.constant('paragraph' as const), children: leaves }) },
  { weight: 1, arbitrary: fc.record({
    type: fc.constant('table' as const),
    children: fc.array(fc.record({
      type: fc.constant('table-row' as const),
      children: fc.array(fc.record({ type: fc.constant('table-cell' as const), children: leaves }), { minLength: 1, maxLength: 3 }),
    }), { minLength: 1, maxLength: 3 }),
  }) },
);

const isoDate = fc.oneof(fc.constant(''), fc.date({ min: new Date('1990-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));

/** Any document the schema accepts, its text drawn from the real reports and from hostile characters. */
export const reportDocument: fc.Arbitrary<ReportDocument> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  meta: fc.record({
    organ: fc.oneof(fc.constantFrom('江海区政务服务和数据管理局', '阳江市人民政府', ''), hostileText(20)),
    year: fc.integer({ min: 1990, max: 2200 }),
    title: fc.oneof(mutatedLine, hostileText(40)),
    addressee: hostileText(20),
    date: isoDate,
    signature: hostileText(20),
  }),
  body: fc.array(block, { maxLength: 12 }),
  ignores: fc.constant([]),
  rules: fc.constant({ disabled: [], severity: {}, requiredIndicators: [], formulations: [] }),
});
