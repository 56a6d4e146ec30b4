// A small, strict XML reader for Word parts (shared, pure): saxes with namespaces into a light element tree.
// No DTD at all (a DOCTYPE is refused, so no entity can be declared or fetched) and a cap on nesting depth.
import { SaxesParser } from 'saxes';
import { PackageError } from './zip';

export interface XmlElement {
  /** Local name, e.g. `p` for w:p. */
  name: string;
  /** Namespace URI. */
  uri: string;
  /** Attributes by local name (w:val → val). */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const DEFAULT_MAX_XML_DEPTH = 256;

/** Parses `text` into its root element; throws PackageError (Chinese message) for malformed or hostile XML. */
export function parseXml(text: string, part: string, maxDepth: number = DEFAULT_MAX_XML_DEPTH): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: PackageError | null = null;
  const fail = (message: string): void => {
    if (!failure) failure = new PackageError(message, 'xml');
    throw failure;
  };
  parser.on('doctype', () => fail(`文件中的“${part}”包含文档类型声明（DOCTYPE），Word 文档不会有这种内容，已拒绝读取。`));
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) fail(`文件中的“${part}”嵌套层次过深（超过 ${maxDepth} 层），已拒绝读取。`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.local] = a.value;
    const el: XmlElement = { name: tag.local, uri: tag.uri, attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(t);
  });
  parser.on('cdata', (t) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(t);
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (failure) throw failure;
    throw new PackageError(`文件中的“${part}”不是有效的 XML（${e instanceof Error ? e.message.slice(0, 80) : '格式错误'}），文件已损坏。`, 'xml');
  }
  if (!root) throw new PackageError(`文件中的“${part}”是空的，文件已损坏。`, 'xml');
  return root;
}

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** All descendants named `name` (document order). */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The text content of an element (all descendant text nodes). */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}
