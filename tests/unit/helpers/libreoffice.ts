// Test helpers driving LibreOffice headless (Node): conversions with a private profile, and a Basic macro that accepts
// or rejects all tracked changes of a file and saves its text, so tests compare with what LibreOffice itself does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONTS_CONF } from './docxDocs';

function run(args: string[], profile: string): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

/** Converts `file` to `format` (e.g. `fodt`, `docx:MS Word 2007 XML`) into `outDir`. */
export function sofficeConvert(profile: string, file: string, format: string, outDir: string): void {
  run(['--convert-to', format, '--outdir', outDir, file], profile);
}

const MACRO = `Sub DecideAll(inPath As String, acceptPath As String, rejectPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  Dim p(1) As New com.sun.star.beans.PropertyValue
  p(0).Name = "FilterName"
  p(0).Value = "Text (encoded)"
  p(1).Name = "FilterOptions"
  p(1).Value = "UTF8"
  oDisp = createUnoService("com.sun.star.frame.DispatchHelper")
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  oDisp.executeDispatch(oDoc.CurrentController.Frame, ".uno:AcceptAllTrackedChanges", "", 0, Array())
  oDoc.storeToURL(ConvertToURL(acceptPath), p())
  oDoc.close(True)
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  oDisp.executeDispatch(oDoc.CurrentController.Frame, ".uno:RejectAllTrackedChanges", "", 0, Array())
  oDoc.storeToURL(ConvertToURL(rejectPath), p())
  oDoc.close(True)
End Sub
`;

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes the macro into the profile's Standard library (the profile must have been used once) and runs it. */
export function sofficeDecideAll(profile: string, file: string, acceptTxt: string, rejectTxt: string): void {
  const dir = join(profile, 'user', 'basic', 'Standard');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'Module1.xba'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
      `<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${xmlEscape(MACRO)}</script:module>\n`,
  );
  run([`macro:///Standard.Module1.DecideAll("${file}","${acceptTxt}","${rejectTxt}")`], profile);
}

/** The lines of a text file LibreOffice saved (BOM dropped, empty lines left out). */
export function textLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
}

/** Each annotation of an ODF flat document: its author, text and the text it is anchored on. */
export function odfAnnotations(fodt: string): { author: string; text: string; anchored: string }[] {
  const start = fodt.indexOf('<office:text');
  // Pretty-printing whitespace between elements is not text.
  const body = fodt.slice(start, fodt.indexOf('</office:text>', start)).replace(/>\s+</g, '><');
  const notes = new Map<string, { author: string; text: string }>();
  const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const marked = body
    .replace(/<office:annotation office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>/g, (_, name: string, inner: string) => {
      const author = /<dc:creator>([^<]*)<\/dc:creator>/.exec(inner)?.[1] ?? '';
      const paras = [...inner.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, '')));
      notes.set(name, { author: unescape(author), text: paras.join('\n') });
      return `\u0001S${name}\u0002`;
    })
    .replace(/<office:annotation-end office:name="([^"]+)"\/>/g, '\u0001E$1\u0002')
    .replace(/<\/text:(?:p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return [...notes].map(([name, note]) => {
    const from = marked.indexOf(`\u0001S${name}\u0002`);
    const to = marked.indexOf(`\u0001E${name}\u0002`);
    const anchored = to < 0 ? '' : unescape(marked.slice(from, to).replace(/\u0001[SE][^\u0002]*\u0002/g, '')).replace(/\n$/, '');
    return { ...note, anchored };
  });
}
