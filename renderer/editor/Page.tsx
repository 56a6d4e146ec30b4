// The page (renderer): title, addressee, the editable body, signature and date, laid out like the printed report;
// the marks (findings, placeholders, hits) are painted over the body by the mark layer.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Editable, useSlate } from 'slate-react';
import type { ReportMeta } from '../../shared/model/schema';
import { titleLines } from '../../shared/docx/title';
import { renderElement, renderLeaf } from './elements';
import type { MarkLayer } from './markLayer';
import { T } from './strings';
import { AttachmentList, NotationLine } from './TrailerFields';
import { DateField } from './DateField';
import { useNativeInsert } from './nativeInsert';
import { scrollCaretIntoView } from './scrollCaret';

/**
 * Repaints the changed units' marks after every editor change, as soon as the DOM shows it: in the same task, so that
 * Chromium rebuilds its highlight ranges once for the change, not a second time at the next frame. Rendered after the
 * Editable (see there). A key the browser typed itself had its unit repainted in the key's own task (nativeInsert.ts),
 * before this render: the sync then finds it unchanged.
 */
function MarkSync({ layer }: { layer: MarkLayer | null }) {
  useSlate();
  useLayoutEffect(() => layer?.syncEdit());
  return null;
}

/**
 * The title as it will print (broken before 关于, at word boundaries, lines balanced: shared/docx/title.ts) while the
 * field is not being edited; the plain title while it is, with the caret kept where the click put it.
 */
function useTitleLines(title: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [editing, setEditing] = useState(false);
  const printed = useMemo(() => titleLines(title).join('\n'), [title]);
  const caret = useRef<[number, number] | null>(null);
  const onFocus = useCallback(() => {
    const el = ref.current;
    // Offsets in the printed lines → offsets in the title without the added line breaks (a title with breaks of its
    // own prints on exactly those lines).
    if (el && !title.includes('\n')) {
      const plain = (i: number) => i - (el.value.slice(0, i).match(/\n/g)?.length ?? 0);
      caret.current = [plain(el.selectionStart), plain(el.selectionEnd)];
    }
    setEditing(true);
  }, [title]);
  const onBlur = useCallback(() => setEditing(false), []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (editing && el && caret.current) el.setSelectionRange(...caret.current);
    caret.current = null;
  }, [editing]);
  return { ref, value: editing ? title : printed, onFocus, onBlur };
}

interface PageProps {
  meta: ReportMeta;
  onMetaChange(patch: Partial<ReportMeta>): void;
  layer: MarkLayer | null;
  onKeyDown(e: React.KeyboardEvent<HTMLDivElement>): void;
  onContextMenu(e: React.MouseEvent<HTMLDivElement>): void;
  onCompositionStart(): void;
  onCompositionEnd(): void;
}

/** The page: title, addressee, the editable body, signature and date, laid out like the printed report. */
export const Page = memo(function Page({ meta, onMetaChange, layer, onKeyDown, onContextMenu, onCompositionStart, onCompositionEnd }: PageProps) {
  const title = useTitleLines(meta.title);
  const native = useNativeInsert(layer);
  return (
    <article className="page" lang="zh-CN">
      <textarea
        className="doc-title-input"
        ref={title.ref}
        value={title.value}
        rows={1}
        placeholder={T.titlePlaceholder}
        aria-label={T.titlePlaceholder}
        onFocus={title.onFocus}
        onBlur={title.onBlur}
        onChange={(e) => onMetaChange({ title: e.target.value.replace(/[\r\n]+/g, '') })}
      />
      <div className="addressee-line">
        <input
          className={`addressee-input${/【[^】]*】/.test(meta.addressee) ? ' ph-field' : ''}`}
          value={meta.addressee}
          placeholder={T.addresseePlaceholder}
          aria-label={T.addresseePlaceholder}
          size={Math.max(4, meta.addressee.length + 1)}
          onChange={(e) => onMetaChange({ addressee: e.target.value.replace(/[：:]$/, '') })}
        />
        <span>：</span>
      </div>
      <Editable
        className="doc-body"
        renderElement={renderElement}
        renderLeaf={renderLeaf}
        onKeyDown={onKeyDown}
        scrollSelectionIntoView={scrollCaretIntoView}
        onDOMBeforeInput={native.onDOMBeforeInput}
        onInput={native.onInput}
        onContextMenu={onContextMenu}
        onMouseMove={(e) => layer?.hover(e.clientX, e.clientY)}
        onMouseLeave={() => layer?.leave()}
        onCompositionStart={onCompositionStart}
        onCompositionEnd={onCompositionEnd}
        spellCheck={false}
        aria-label={T.body}
        placeholder={T.emptyParagraph}
      />
      {/* After the Editable: React runs layout effects in tree order, and slate-react maps a changed block to its DOM
          element in the Editable's own commit, which must come first. */}
      <MarkSync layer={layer} />
      <AttachmentList meta={meta} onMetaChange={onMetaChange} />
      <div className="signature-block">
        <input
          className="signature-input"
          value={meta.signature}
          placeholder={T.signaturePlaceholder}
          aria-label={T.signaturePlaceholder}
          size={Math.max(6, meta.signature.length + 1)}
          onChange={(e) => onMetaChange({ signature: e.target.value })}
        />
        {/* A date the user enters is the 成文日期 itself, no longer a web page's 发布/更新时间. */}
        <DateField value={meta.date} onChange={(date) => onMetaChange({ date: date as ReportMeta['date'], dateSource: undefined })} />
      </div>
      <NotationLine meta={meta} onMetaChange={onMetaChange} />
    </article>
  );
});