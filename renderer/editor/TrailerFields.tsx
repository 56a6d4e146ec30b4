// The page's 附件说明 and 附注 fields (renderer): the attachment list one line below the body and the 附注 below the
// date, where GB/T 9704 §7.3.4 / §7.3.6 print them; the export writes them from meta.attachments / meta.notation.
import type { ReportMeta } from '../../shared/model/schema';

interface Props {
  meta: ReportMeta;
  onMetaChange(patch: Partial<ReportMeta>): void;
}

const field: React.CSSProperties = { border: 'none', outline: 'none', background: 'transparent', font: 'inherit', color: '#000', padding: 0, minWidth: '8em', flex: '1 1 auto' };
const tool: React.CSSProperties = { border: 'none', background: 'none', color: '#8a8a8a', font: 'inherit', fontSize: '0.75em', cursor: 'pointer', padding: '0 0.3em' };

/** 附件：1.××× 2.××× — one name a line, numbered when there are several; names are printed without punctuation. */
export function AttachmentList({ meta, onMetaChange }: Props) {
  const names = meta.attachments ?? [];
  const set = (next: string[]): void => onMetaChange({ attachments: next });
  return (
    <div className="attachment-list" style={{ marginTop: '1.3em', textIndent: 0 }}>
      {names.map((name, i) => (
        <div key={i} style={{ display: 'flex', alignItems: 'baseline', paddingLeft: '2em' }}>
          <span style={{ visibility: i === 0 ? 'visible' : 'hidden', whiteSpace: 'pre' }}>附件：</span>
          {names.length > 1 && <span>{i + 1}.</span>}
          <input
            style={field}
            value={name}
            placeholder="附件名称"
            aria-label={`附件名称 ${i + 1}`}
            onChange={(e) => set(names.map((n, k) => (k === i ? e.target.value.replace(/[。；;，,]+$/, '') : n)))}
          />
          <button type="button" style={tool} aria-label={`删除附件 ${i + 1}`} title="删除此附件" onClick={() => set(names.filter((_, k) => k !== i))}>×</button>
        </div>
      ))}
      <button type="button" style={{ ...tool, paddingLeft: '2.6em' }} onClick={() => set([...names, ''])}>＋ 添加附件</button>
    </div>
  );
}

/** （此件公开发布）: typed without the parentheses, shown and printed with them, two characters in. */
export function NotationLine({ meta, onMetaChange }: Props) {
  const value = meta.notation ?? '';
  return (
    <div className="notation-line" style={{ display: 'flex', alignItems: 'baseline', paddingLeft: '2em', textIndent: 0 }}>
      <span style={{ color: value ? '#000' : '#bbb' }}>（</span>
      <input
        style={{ ...field, flex: '0 1 auto', fieldSizing: 'content', minWidth: '6em' } as React.CSSProperties}
        value={value}
        placeholder="附注，如：此件公开发布"
        aria-label="附注"
        onChange={(e) => onMetaChange({ notation: e.target.value.replace(/^\s*[（(]|[）)]\s*$/g, '') })}
      />
      <span style={{ color: value ? '#000' : '#bbb' }}>）</span>
    </div>
  );
}
