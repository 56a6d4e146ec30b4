// Standard formulations (shared, pure): the versioned dictionary of templates/formulations.json (with the template's
// own entries, each applied to the report years it covers; see ../wording.ts), and the consistency of the reporting
// organ's name across the document.
import type { BlockRule, DocumentRule, RawFinding } from '../types';
import { at, HAN_CLASS, matches } from '../text';
import { wordingFindings } from '../wording';

/** The built-in pattern sources (template loaders pass them to templatePatternProblems as trusted). */
export { BUILTIN_PATTERNS } from '../wording';

export const formulationDictionary: BlockRule = {
  id: 'form.dictionary',
  category: 'formulation',
  severity: 'error',
  title: '规范表述（表述词典）',
  scope: 'block',
  check: (unit, settings) => wordingFindings('formulation', unit, settings),
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ----- the reporting organ written two ways ------------------------------------------------------------------------

/** The organ named in a title: `X局关于2024年度…的报告` → `X局`, `X区2024年度…报告` → `X区`. */
export function organFromTitle(title: string): string {
  const t = title.replace(/\s+/g, '');
  const m = /^(.+?)(?:关于|(?:19|20)\d{2}年)/.exec(t);
  return m ? m[1]! : '';
}

const PLACE = /^(?:中共)?[\u4e00-\u9fff]{1,8}?(?:自治区|特别行政区|省|市|自治州|州|盟|地区|区|县|旗|镇|乡|街道)/;

/** Near-miss: one name turns into the other by adding or dropping at most two characters, or one substitution. */
function nearMiss(a: string, b: string): boolean {
  if (a === b) return false;
  // A different word before the same ending is another thing, not a slip of the name (法治政府 beside 人民政府).
  let end = 0;
  while (end < Math.min(a.length, b.length) && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const headA = a.slice(0, a.length - end);
  const headB = b.slice(0, b.length - end);
  if (headA && headB && ![...headA].some((ch) => headB.includes(ch))) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 2) return false;
  // Levenshtein distance ≤ 2 on short strings.
  const prev = Array.from({ length: l.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= l.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (s[i - 1] === l[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[l.length]! <= 2;
}

/** `a` is `b` with characters dropped (an abbreviation such as 政务和数据局 of 政务服务和数据管理局). */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
  return j === a.length;
}

export const organConsistency: DocumentRule = {
  id: 'form.organ',
  category: 'formulation',
  severity: 'warning',
  title: '报告机关名称前后写法不一致',
  scope: 'document',
  check(doc, view) {
    const organ = (doc.meta.organ || organFromTitle(doc.meta.title)).replace(/\s+/g, '');
    const place = PLACE.exec(organ)?.[0];
    if (!place || organ.length - place.length < 2) return [];
    const core = organ.slice(place.length);
    const last = core[core.length - 1]!;
    // Candidates: the place name, then up to core+3 Chinese characters ending in the same type character (局, 政府…).
    // `last` is the user's text (an organ typed as 某某县人民政府(办) ends in a bracket): escaped for the pattern.
    const re = new RegExp(`${place.replace(/^中共/, '(?:中共)?')}([${HAN_CLASS}]{1,${core.length + 3}}?)${escape(last)}`, 'g');
    const out: RawFinding[] = [];
    const bare = place.replace(/^中共/, '');
    const hitsKey = `form.organ\u0001${organ}`;
    const stemKey = `form.organ-stem\u0001${organ}`;
    // The place without its 县/区/市 (阳西人民政府 for 阳西县人民政府).
    const stem = /^(?:中共)?(.{2,})[县区市]$/.exec(place)?.[1];
    doc.body.forEach((_, index) => {
      const units = view.unitsOf(index);
      const hits = view.memo(index, hitsKey, (us) => us.flatMap((u, k) => {
        if (!u.text.includes(bare)) return [];
        return matches(re, u.text).map((m) => ({ k, index: m.index, whole: m[0], variant: m[1]! + last }));
      }));
      if (stem) {
        const dropped = view.memo(index, stemKey, (us) => us.flatMap((u, k) => {
          const out2: Array<{ k: number; index: number }> = [];
          for (let from = u.text.indexOf(stem + core); from >= 0; from = u.text.indexOf(stem + core, from + 1)) out2.push({ k, index: from });
          return out2;
        }));
        for (const d of dropped) {
          out.push(at(units[d.k]!, d.index, d.index + stem.length + core.length, `本机关名称写作“${stem}${core}”，缺少“${place.slice(-1)}”，应为“${place}${core}”。`, `${place.replace(/^中共/, '')}${core}`));
        }
      }
      for (const h of hits) {
        if (h.variant === core) continue;
        const unit = units[h.k]!;
        if (nearMiss(h.variant, core)) {
          out.push(at(unit, h.index, h.index + h.whole.length, `本机关名称写作“${h.whole}”，与“${organ}”不一致，请统一为全称。`, organ));
        } else if (isSubsequence(h.variant, core) && h.variant.length >= 3) {
          out.push({ ...at(unit, h.index, h.index + h.whole.length, `本机关名称此处用简称“${h.whole}”，全称为“${organ}”。公文中首次出现宜用全称，简称前后应统一。`), severity: 'info' });
        }
      }
    });
    return out;
  },
};

export const FORMULATION_RULES = [formulationDictionary];
export const FORMULATION_DOCUMENT_RULES = [organConsistency];
