// The paragraph-style control (renderer), like Word's style gallery: shows the caret's block style (正文, 一级至四级标题)
// and changes it through the editor commands of the table (setParagraph, setHeading1…4).
import { Element } from 'slate';
import { ReactEditor, useSlateSelector } from 'slate-react';
import type { EditorCommandId } from '../../shared/commands';
import { currentBlockIndex } from '../../shared/editor/ops';
import { T } from './strings';
import type { ReportSlateEditor } from './withReport';

const STYLES: { command: EditorCommandId; label: string }[] = [
  { command: 'setParagraph', label: T.styleParagraph },
  { command: 'setHeading1', label: T.styleHeading(1) },
  { command: 'setHeading2', label: T.styleHeading(2) },
  { command: 'setHeading3', label: T.styleHeading(3) },
  { command: 'setHeading4', label: T.styleHeading(4) },
];

export function StyleControl({ editor, run }: { editor: ReportSlateEditor; run(id: EditorCommandId): void }) {
  // Re-renders only when the caret's block style changes, not at every keystroke.
  const current = useSlateSelector((e): EditorCommandId | '' => {
    const block = e.children[currentBlockIndex(e)];
    if (!block || !Element.isElement(block)) return '';
    if (block.type === 'heading') return `setHeading${block.level}`;
    return block.type === 'paragraph' ? 'setParagraph' : '';
  });
  return (
    <label className="style-control">
      {T.paragraphStyle}
      <select
        value={current}
        disabled={!current}
        aria-label={T.paragraphStyle}
        onChange={(e) => {
          run(e.target.value as EditorCommandId);
          ReactEditor.focus(editor);
        }}
      >
        {!current && <option value="">—</option>}
        {STYLES.map((s) => (
          <option key={s.command} value={s.command}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
