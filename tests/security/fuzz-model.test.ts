// Property-based tests of the model schema and the .fzbg parser: whatever bytes a file holds, opening it either
// gives a valid document or throws DocumentFormatError (with a Chinese message), never anything else; a saved
// document reads back exactly; and a file cannot pollute prototypes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED } from '../setup/fast-check';
import { DocumentFormatError, FZBG_VERSION, parseDocument, serializeDocument } from '../../shared/model/format';
import { ReportDocument } from '../../shared/model/schema';
import { fixtureLines, fzbgOf } from './hostile/files';
import { hostileText, reportDocument } from './hostile/arbitraries';

const RUNS = { parse: 500, mutate: 400, roundTrip: 300 };

/** Parses, and returns the document or the DocumentFormatError; any other throw fails the property. */
function open(text: string): ReportDocument | DocumentFormatError {
  try {
    const doc = parseDocument(text);
    expect(ReportDocument.safeParse(doc).success).toBe(true);
    return doc;
  } catch (e) {
    if (!(e instanceof DocumentFormatError)) throw e;
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(['syntax', 'not-fzbg', 'newer', 'invalid']).toContain(e.reason);
    return e;
  }
}

const REAL = fzbgOf(fixtureLines());

/** A JSON value shaped like a .fzbg file in places: the envelope, a real body, and anything at all elsewhere. */
const fzbgLike = fc.oneof(
  fc.jsonValue(),
  fc.record({ format: fc.oneof(fc.constant('fzbg'), fc.string()), version: fc.oneof(fc.constant(FZBG_VERSION), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.tuple(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), fc.constantFrom('id', 'meta', 'body', 'ignores', 'rules', 'version')).map(([extra, key]) => {
    const base = JSON.parse(REAL);
    base[key] = extra;
    return base;
  }),
);

describe('parseDocument never throws anything but DocumentFormatError', () => {
  it(`arbitrary JSON values (${RUNS.parse} runs)`, () => {
    fc.assert(fc.property(fzbgLike, (value) => { open(JSON.stringify(value)); }), { numRuns: RUNS.parse, seed: SEED });
  });

  it(`arbitrary text (${RUNS.parse} runs)`, () => {
    fc.assert(fc.property(fc.oneof(hostileText(300), fc.string({ unit: 'binary' })), (text) => { open(text); }), { numRuns: RUNS.parse, seed: SEED });
  });

  it(`a real document with bytes cut, inserted or replaced (${RUNS.mutate} runs)`, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(40), hostileText(5)), { minLength: 1, maxLength: 5 }), (edits) => {
        let s = REAL;
        for (const [at, del, ins] of edits) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + ins + s.slice(i + del);
        }
        open(s);
      }),
      { numRuns: RUNS.mutate, seed: SEED },
    );
  });

  it(`a real document with one node anywhere replaced by any JSON value (${RUNS.mutate} runs)`, () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(JSON.parse(REAL), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const doc = JSON.parse(REAL);
        let node = doc;
        for (const k of path.slice(0, -1)) node = node[k];
        node[path[path.length - 1]!] = value;
        open(JSON.stringify(doc));
      }),
      { numRuns: RUNS.mutate, seed: SEED },
    );
  });

  it('refuses, in Chinese, the envelopes that are not ours or too new', () => {
    for (const [text, reason] of [
      ['', 'syntax'], ['{', 'syntax'], ['null', 'not-fzbg'], ['[]', 'not-fzbg'], ['{"format":"fzbg"}', 'not-fzbg'],
      ['{"format":"fzbg","version":0}', 'not-fzbg'], ['{"format":"fzbg","version":1.5}', 'not-fzbg'], ['{"format":"docx","version":1}', 'not-fzbg'],
      [`{"format":"fzbg","version":${FZBG_VERSION + 1}}`, 'newer'], ['{"format":"fzbg","version":1000000}', 'newer'], ['{"format":"fzbg","version":1}', 'invalid'],
    ] as const) {
      const result = open(text);
      expect(result, text).toBeInstanceOf(DocumentFormatError);
      expect((result as DocumentFormatError).reason, text).toBe(reason);
    }
  });

  it('a file cannot pollute Object.prototype through __proto__ or constructor keys', () => {
    const doc = JSON.parse(REAL);
    const text = JSON.stringify(doc).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')
      .replace('"meta":{', '"meta":{"__proto__":{"polluted":true},');
    const result = open(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (!(result instanceof DocumentFormatError)) expect(Object.getPrototypeOf(result.meta)).toBe(Object.prototype);
  });
});

describe('serialize ∘ parse round-trips', () => {
  it(`any valid document reads back exactly, and saving it again gives the same bytes (${RUNS.roundTrip} runs)`, () => {
    fc.assert(
      fc.property(reportDocument, (doc) => {
        const text = serializeDocument(doc);
        const back = parseDocument(text);
        expect(back).toEqual(ReportDocument.parse(doc));
        expect(serializeDocument(back)).toBe(text);
      }),
      { numRuns: RUNS.roundTrip, seed: SEED },
    );
  });
});
