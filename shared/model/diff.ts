// Comparing two versions of a report (shared, pure): blocks matched by a longest common subsequence, and within a
// changed block the characters by Myers' O(ND) difference, for the "compare a snapshot with now" view.
import { blockText, type Block, type ReportDocument } from './schema';

export type TextSegment = { kind: 'equal' | 'added' | 'removed'; text: string };

export type BlockDiff =
  | { kind: 'equal'; block: Block; text: string }
  | { kind: 'added'; block: Block; text: string }
  | { kind: 'removed'; block: Block; text: string }
  | { kind: 'changed'; before: Block; after: Block; segments: TextSegment[] };

export interface DocumentDiff {
  blocks: BlockDiff[];
  /** Characters added and removed, counting whole added/removed blocks and the changed parts of changed blocks. */
  added: number;
  removed: number;
  /** True when the title or other metadata differs. */
  metaChanged: boolean;
}

/** Beyond this many edits inside one block the character diff gives up and shows the block replaced whole. */
const MAX_CHAR_EDITS = 1000;

export function diffDocuments(a: ReportDocument, b: ReportDocument): DocumentDiff {
  const keyOf = (block: Block): string => `${block.type}${block.type === 'heading' ? block.level : ''}\u0000${blockText(block)}`;
  const ak = a.body.map(keyOf);
  const bk = b.body.map(keyOf);
  const ops = diffSequence(ak, bk);
  const blocks: BlockDiff[] = [];
  let added = 0;
  let removed = 0;
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === 'equal') {
      blocks.push({ kind: 'equal', block: b.body[j]!, text: blockText(b.body[j]!) });
      i++;
      j++;
      k++;
      continue;
    }
    // A run of removals and additions between two equal blocks: pair similar blocks up as "changed".
    const dels: Block[] = [];
    const adds: Block[] = [];
    while (k < ops.length && ops[k] !== 'equal') {
      if (ops[k] === 'removed') dels.push(a.body[i++]!);
      else adds.push(b.body[j++]!);
      k++;
    }
    let d = 0;
    let n = 0;
    while (d < dels.length || n < adds.length) {
      const before = dels[d];
      const after = adds[n];
      if (before && after && similar(blockText(before), blockText(after))) {
        const segments = diffText(blockText(before), blockText(after));
        for (const s of segments) {
          if (s.kind === 'added') added += s.text.length;
          if (s.kind === 'removed') removed += s.text.length;
        }
        blocks.push({ kind: 'changed', before, after, segments });
        d++;
        n++;
      } else if (before && (!after || dels.length - d >= adds.length - n)) {
        const text = blockText(before);
        removed += text.length;
        blocks.push({ kind: 'removed', block: before, text });
        d++;
      } else if (after) {
        const text = blockText(after);
        added += text.length;
        blocks.push({ kind: 'added', block: after, text });
        n++;
      }
    }
  }
  return { blocks, added, removed, metaChanged: JSON.stringify(a.meta) !== JSON.stringify(b.meta) };
}

/** Two blocks are versions of one another when they share at least a third of their characters in order. */
function similar(x: string, y: string): boolean {
  if (x === '' || y === '') return x === y;
  const longer = Math.max(x.length, y.length);
  const ops = myers(Array.from(x), Array.from(y), MAX_CHAR_EDITS);
  if (!ops) return false;
  let common = 0;
  for (const op of ops) if (op === 'equal') common++;
  return common * 3 >= longer;
}

/** The character-level difference of two strings, adjacent segments of a kind merged. */
export function diffText(before: string, after: string): TextSegment[] {
  const x = Array.from(before);
  const y = Array.from(after);
  const ops = myers(x, y, MAX_CHAR_EDITS);
  const segments: TextSegment[] = [];
  const push = (kind: TextSegment['kind'], ch: string): void => {
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else segments.push({ kind, text: ch });
  };
  if (!ops) {
    if (before) segments.push({ kind: 'removed', text: before });
    if (after) segments.push({ kind: 'added', text: after });
    return segments;
  }
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === 'equal') {
      push('equal', x[i++]!);
      j++;
    } else if (op === 'removed') push('removed', x[i++]!);
    else push('added', y[j++]!);
  }
  return segments;
}

type Op = 'equal' | 'added' | 'removed';

/** The edit script between two sequences of keys (blocks): common prefix and suffix trimmed, Myers in between. */
function diffSequence(a: readonly string[], b: readonly string[]): Op[] {
  return myers(a, b, Number.POSITIVE_INFINITY) ?? [];
}

/**
 * Myers' shortest edit script, with the common prefix and suffix trimmed first. Returns null when more than
 * `maxEdits` edits would be needed (the caller then falls back to replacing the whole).
 */
function myers<T>(a: readonly T[], b: readonly T[], maxEdits: number): Op[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Op[] = new Array<Op>(start).fill('equal');
  const tail: Op[] = new Array<Op>(a.length - endA).fill('equal');
  const n = endA - start;
  const m = endB - start;
  if (n === 0) return [...head, ...new Array<Op>(m).fill('added'), ...tail];
  if (m === 0) return [...head, ...new Array<Op>(n).fill('removed'), ...tail];
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  // Walk the trace back from (n, m) to (0, 0).
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      middle.push('equal');
      x--;
      y--;
    }
    middle.push(x === prevX ? 'added' : 'removed');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    middle.push('equal');
    x--;
    y--;
  }
  middle.reverse();
  return [...head, ...middle, ...tail];
}
