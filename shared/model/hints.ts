// Writing hints of templates (shared, pure): the grey guidance text such as “（写权责清单动态调整……。）” is its own
// kind of text node (a leaf with `hint: true`), never content. This file finds hints written as plain text (old
// templates and documents, a hint pasted back) and splits them out into hint leaves.
import type { TextLeaf } from './schema';

/**
 * A hint as templates write it: a full-width parenthesis that opens with a writing instruction (写…, 针对…，写…,
 * 如无…, 如…；如无…) and closes with 。）. Real report text does not open a parenthesis with an instruction to the
 * writer, so the pattern does not meet correct prose (see the false-alarm suite).
 */
export const HINT_SOURCE = '（(?:写|请写|此处写|如无，|针对[^（）。，]{1,24}，写|如[^（）。]{1,40}；如无，)[^（）]{0,160}?。）';

export function hintPattern(): RegExp {
  return new RegExp(HINT_SOURCE, 'g');
}

/** Leaves with every plain-text hint split out into a hint leaf (leaves already marked are kept as they are). */
export function splitHintLeaves<L extends TextLeaf>(leaves: readonly L[]): L[] {
  let changed = false;
  const out: L[] = [];
  for (const leaf of leaves) {
    if (leaf.hint || !leaf.text.includes('（')) { out.push(leaf); continue; }
    let pos = 0;
    const parts: L[] = [];
    for (const m of leaf.text.matchAll(hintPattern())) {
      if (m.index > pos) parts.push({ ...leaf, text: leaf.text.slice(pos, m.index) });
      parts.push({ ...leaf, text: m[0], hint: true });
      pos = m.index + m[0].length;
    }
    if (parts.length === 0) { out.push(leaf); continue; }
    if (pos < leaf.text.length) parts.push({ ...leaf, text: leaf.text.slice(pos) });
    changed = true;
    out.push(...parts);
  }
  return changed ? out : (leaves as L[]);
}

/** The same over raw JSON blocks (migrations and template files: shapes not yet validated are passed through). */
export function splitHintsInRawBlocks(body: unknown): unknown {
  if (!Array.isArray(body)) return body;
  return body.map((block) => splitRawNode(block));
}

function splitRawNode(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  const n = node as { type?: unknown; children?: unknown };
  if (!Array.isArray(n.children)) return node;
  if (n.type === 'heading' || n.type === 'table') return n.type === 'table' ? { ...n, children: n.children.map(splitRawNode) } : node;
  if (n.type === 'table-row') return { ...n, children: n.children.map(splitRawNode) };
  if (n.type !== 'paragraph' && n.type !== 'table-cell') return node;
  const leaves = n.children;
  if (!leaves.every((l) => l && typeof l === 'object' && typeof (l as { text?: unknown }).text === 'string')) return node;
  const split = splitHintLeaves(leaves as TextLeaf[]);
  return split === leaves ? node : { ...n, children: split };
}
