// The font table of the exported Word file (shared, pure): each font as Word itself writes it (panose-1, charset,
// family, pitch, signature), so that Word and WPS on a PC without a font substitute the nearest one, plus the
// altName chain to the fonts stock Windows has. Sources of every value: shared/docx/README.md.
import { escapeXml } from './styles';

interface FontEntry {
  name: string;
  /** w:altName: the font Word tries first when `name` is missing. */
  altName?: string;
  /** w:panose1: the ten PANOSE bytes of the font's OS/2 table, as hex (absent where no source gives them). */
  panose1?: string;
  /** w:charset: the font's Windows character set (86 = GB2312_CHARSET, 00 = ANSI). */
  charset: string;
  family: 'auto' | 'roman' | 'swiss' | 'modern' | 'script' | 'decorative';
  pitch: 'default' | 'fixed' | 'variable';
  /** w:sig: OS/2 ulUnicodeRange1–4 (usb0–3) and ulCodePageRange1–2 (csb0–1). */
  sig?: { usb0: string; usb1: string; usb2: string; usb3: string; csb0: string; csb1: string };
}

/** The GB2312 TrueType faces (仿宋_GB2312, 楷体_GB2312) share these values: fixed pitch, GB2312 code page only. */
const GB2312_SIG = { usb0: '00000001', usb1: '080E0000', usb2: '00000000', usb3: '00000000', csb0: '00040000', csb1: '00000000' };

export const FONT_TABLE: readonly FontEntry[] = [
  { name: '仿宋_GB2312', altName: '仿宋', panose1: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed', sig: GB2312_SIG },
  { name: '楷体_GB2312', altName: '楷体', panose1: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed', sig: GB2312_SIG },
  {
    name: '方正小标宋简体', altName: '华文中宋', panose1: '03000509000000000000', charset: '86', family: 'script', pitch: 'fixed',
    sig: { usb0: '00000001', usb1: '080E0000', usb2: '00000000', usb3: '00000000', csb0: '00040000', csb1: '00000000' },
  },
  // The second link of the title's chain (方正小标宋简体 → 华文中宋 → 宋体): only the name and its fallback are known.
  { name: '华文中宋', altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  {
    name: '黑体', altName: 'SimHei', panose1: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed',
    sig: { usb0: '800002BF', usb1: '38CF7CFA', usb2: '00000016', usb3: '00000000', csb0: '00040001', csb1: '00000000' },
  },
  {
    name: '宋体', altName: 'SimSun', panose1: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable',
    sig: { usb0: '00000003', usb1: '080E0000', usb2: '00000010', usb3: '00000000', csb0: '00040001', csb1: '00000000' },
  },
  {
    name: 'Times New Roman', panose1: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable',
    sig: { usb0: '20007A87', usb1: '80000000', usb2: '00000008', usb3: '00000000', csb0: '000001FF', csb1: '00000000' },
  },
];

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** word/fontTable.xml; children in the schema's order (altName, panose1, charset, family, pitch, sig: §17.8.3.10). */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map((f) => {
    const s = f.sig;
    return (
      `<w:font w:name="${escapeXml(f.name)}">` +
      (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
      (f.panose1 ? `<w:panose1 w:val="${f.panose1}"/>` : '') +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>` +
      (s ? `<w:sig w:usb0="${s.usb0}" w:usb1="${s.usb1}" w:usb2="${s.usb2}" w:usb3="${s.usb3}" w:csb0="${s.csb0}" w:csb1="${s.csb1}"/>` : '') +
      '</w:font>'
    );
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W_NS}">${fonts}</w:fonts>`;
}
