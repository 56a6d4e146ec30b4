// The 附注 of an imported report (shared, pure; used by the text and Word importers): GB/T 9704 §7.3.6 prints it in
// parentheses below the date, e.g. （此件公开发布）; the model keeps it without the parentheses (meta.notation).

/** The 附注 a line holds, without its parentheses, or null when the line is not one. */
export function notationOf(line: string): string | null {
  const m = /^[（(]\s*(此件[^（()）]{1,16}?)\s*[）)]$/.exec(line.trim());
  return m ? m[1]! : null;
}

