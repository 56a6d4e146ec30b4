// A lossless element tree for XML this app wrote itself (shared, pure): every tag kept as written (prefixes,
// attribute order), so a part can be edited in place and written back byte for byte where unchanged. Not for
// untrusted input: reviewer files go through the capped saxes reader (../xml.ts).

export interface RawElement {
  /** Qualified name, e.g. `w:p`. */
  name: string;
  /** The start tag as written (`<w:p>`, or `<w:p/>` when empty). */
  open: string;
  children: RawNode[];
  /** Written as `<x/>`. */
  selfClosing: boolean;
}
export type RawNode = RawElement | string;

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/[^>]+>|<[^>]+>|[^<]+/g;

/** The nodes of `xml` (the declaration and top-level text kept as strings). */
export function parseRaw(xml: string): RawNode[] {
  const root: RawElement = { name: '', open: '', children: [], selfClosing: false };
  const stack: RawElement[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const token = m[0];
    const top = stack[stack.length - 1]!;
    if (token.startsWith('</')) {
      if (stack.length > 1) stack.pop();
    } else if (token.startsWith('<') && !token.startsWith('<?') && !token.startsWith('<!')) {
      const name = /^<([^\s/>]+)/.exec(token)![1]!;
      const selfClosing = token.endsWith('/>');
      const el: RawElement = { name, open: token, children: [], selfClosing };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    } else {
      top.children.push(token);
    }
  }
  return root.children;
}

export function serializeRaw(nodes: readonly RawNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (typeof n === 'string') s += n;
    else if (n.selfClosing && n.children.length === 0) s += n.open;
    else s += (n.selfClosing ? n.open.replace(/\s*\/>$/, '>') : n.open) + serializeRaw(n.children) + `</${n.name}>`;
  }
  return s;
}

/** All descendants named `name`, in document order, not descending into a match. */
export function rawFind(nodes: readonly RawNode[], name: string, out: RawElement[] = []): RawElement[] {
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    if (n.name === name) out.push(n);
    else rawFind(n.children, name, out);
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(parseInt(e.slice(1), 10)) : ENTITIES[e]!,
  );
}

export function rawText(el: RawElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? unescapeXml(c) : rawText(c);
  return s;
}

/** A new element from markup this module writes (one element). */
export function rawElement(markup: string): RawElement {
  return parseRaw(markup)[0] as RawElement;
}
