// The marks of a unit the caret is not in (renderer), drawn as boxes in the unit's own mark layer (an empty,
// non-editable, absolutely placed span that elements.tsx renders first in every heading, paragraph and table cell).
// Chromium rebuilds every CSS Custom Highlight range at each DOM change and repaints every text node one touches, so
// the marks of units nobody types in are not highlights: their boxes are static DOM that a key in another unit does
// not touch, and they move with their unit when it moves. Each line of a mark is a box over the text's own line box
// holding a transparent copy of the text (CSS generated content, so it is in no DOM text, copy or find) with the
// mark's underline: the same font, size and offset draw the same underline as ::highlight() does (styles.css).
import type { MarkKind } from '../../shared/editor/marks';

/** The class of the layer element in each unit (elements.tsx renders it, this file fills it). */
export const BOX_LAYER_CLASS = 'mk-layer';

/** A mark to draw: its kind, its text, and the pieces of DOM text it covers (one per text node). */
export interface BoxMark {
  kind: MarkKind;
  text: string;
  pieces: { node: Text; start: number; end: number }[];
}

interface Line {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The piece's text, and how far it starts left of this line (the width of its earlier lines). */
  text: string;
  indent: number;
}

/** Where a unit's marks are drawn: its layer, and every line of every mark relative to it. */
export interface MeasuredBoxes {
  layer: HTMLElement;
  /** The unit's size when measured (its text re-flows when it changes). */
  size: string;
  marks: { kind: MarkKind; text: string; lines: Line[] }[];
}

/** The layer element of a unit's element, if it renders one. */
export function boxLayerOf(element: HTMLElement): HTMLElement | null {
  const first = element.firstElementChild;
  return first instanceof HTMLElement && first.classList.contains(BOX_LAYER_CLASS) ? first : null;
}

/** A unit's size, to compare (a layout read). */
export function sizeOf(element: HTMLElement): string {
  const r = element.getBoundingClientRect();
  return `${r.width}x${r.height}`;
}

/** Shows an empty layer (one is not rendered: styles.css), so that it has a place to be measured from. */
export function showLayer(layer: HTMLElement): void {
  if (!layer.firstChild) layer.append(document.createElement('span'));
}

/**
 * Reads where the marks' text lies in unit `element`, relative to its shown layer (a layout read: done for every unit
 * of a sync after every layer is shown and before anything is drawn).
 */
export function measureBoxes(element: HTMLElement, layer: HTMLElement, marks: readonly BoxMark[]): MeasuredBoxes {
  const origin = layer.getBoundingClientRect();
  const range = document.createRange();
  const out: MeasuredBoxes = { layer, size: sizeOf(element), marks: [] };
  for (const mark of marks) {
    const lines: Line[] = [];
    for (const piece of mark.pieces) {
      range.setStart(piece.node, piece.start);
      range.setEnd(piece.node, piece.end);
      const text = piece.node.data.slice(piece.start, piece.end);
      let indent = 0;
      for (const r of range.getClientRects()) {
        if (r.width > 0) lines.push({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height, text, indent });
        indent += r.width;
      }
    }
    out.marks.push({ kind: mark.kind, text: mark.text, lines });
  }
  return out;
}

/** Draws measured marks in their layer, replacing what it held. */
export function drawBoxes({ layer, marks }: MeasuredBoxes): void {
  const groups: HTMLElement[] = [];
  for (const mark of marks) {
    const group = document.createElement('span');
    group.className = `mk mk-${mark.kind}`;
    group.dataset.kind = mark.kind;
    group.dataset.text = mark.text;
    for (const line of mark.lines) {
      const box = document.createElement('span');
      box.dataset.t = line.text;
      const s = box.style;
      s.left = `${line.left}px`;
      s.top = `${line.top}px`;
      s.width = `${line.width}px`;
      s.height = s.lineHeight = `${line.height}px`;
      if (line.indent) s.textIndent = `${-line.indent}px`;
      group.append(box);
    }
    groups.push(group);
  }
  layer.replaceChildren(...groups);
}

/** Removes a layer's boxes. */
export function clearBoxes(layer: HTMLElement): void {
  if (layer.firstChild) layer.replaceChildren();
}
