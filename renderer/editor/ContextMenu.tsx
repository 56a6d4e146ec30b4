// The page's context menu (renderer): right click, the menu key or Shift+F10 in the body opens it at the caret; the
// paragraph styles (the current one checked), 插入表格, 删除本节, 上移 / 下移, each an editor command of the table.
// Arrows move, Enter picks, Esc closes; the caret goes back into the text.
import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Element } from 'slate';
import { ReactEditor } from 'slate-react';
import { keysLabel, type EditorCommandId } from '../../shared/commands';
import { currentBlockIndex, siblingSection } from '../../shared/editor/ops';
import { sectionHeadingAt } from '../../shared/editor/sectionOps';
import type { Block } from '../../shared/model/schema';
import { T } from './strings';
import type { ReportSlateEditor } from './withReport';

export interface MenuAt {
  x: number;
  y: number;
}

interface Item {
  command: EditorCommandId;
  label: string;
  /** For the styles: whether it is the caret block's style (a radio item), undefined for the actions. */
  checked?: boolean;
  disabled: boolean;
}

const STYLES: EditorCommandId[] = ['setParagraph', 'setHeading1', 'setHeading2', 'setHeading3', 'setHeading4'];

/** The items as the caret's block allows them (computed when the menu opens). */
function itemsAt(editor: ReportSlateEditor): Item[][] {
  const body = editor.children as Block[];
  const index = currentBlockIndex(editor);
  const block = body[index];
  const textual = !!block && Element.isElement(block) && block.type !== 'table';
  const current = block?.type === 'heading' ? `setHeading${block.level}` : block?.type === 'paragraph' ? 'setParagraph' : '';
  const heading = index >= 0 ? sectionHeadingAt(body, index) : -1;
  const styles = STYLES.map((command, i) => ({
    command,
    label: i === 0 ? T.styleParagraph : T.styleHeading(i),
    checked: command === current,
    disabled: !textual,
  }));
  return [
    styles,
    [
      { command: 'insertTable', label: T.menuInsertTable, disabled: index < 0 },
      { command: 'deleteSection', label: T.menuDeleteSection, disabled: heading < 0 },
    ],
    [
      { command: 'moveSectionUp', label: T.menuMoveUp, disabled: heading < 0 || !siblingSection(body, heading, 'up') },
      { command: 'moveSectionDown', label: T.menuMoveDown, disabled: heading < 0 || !siblingSection(body, heading, 'down') },
    ],
  ];
}

export function ContextMenu({ editor, at, run, onClose }: { editor: ReportSlateEditor; at: MenuAt; run(id: EditorCommandId): void; onClose(): void }) {
  const [groups] = useState(() => itemsAt(editor));
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);

  // Kept inside the window; the first item (or the checked style) takes the focus, as in Word.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({ x: Math.max(0, Math.min(at.x, window.innerWidth - r.width - 4)), y: Math.max(0, Math.min(at.y, window.innerHeight - r.height - 4)) });
    (el.querySelector<HTMLButtonElement>('[aria-checked="true"]:not(:disabled)') ?? el.querySelector<HTMLButtonElement>('button:not(:disabled)'))?.focus();
  }, [at]);

  const close = () => {
    onClose();
    ReactEditor.focus(editor);
  };
  const pick = (command: EditorCommandId) => {
    onClose();
    ReactEditor.focus(editor);
    run(command);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (j: number) => buttons[(j + buttons.length) % buttons.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i < 0 ? -1 : i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(-1);
    else if (e.key === 'Escape' || e.key === 'Tab' || (e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  // On the body: above the side panels, never clipped by the page column.
  return createPortal(
    <div className="context-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()} onContextMenu={(e) => e.preventDefault()}>
      <div ref={ref} className="context-menu" role="menu" aria-label={T.contextMenu} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
        {groups.map((group, g) => (
          <div key={g} role="group">
            {g > 0 && <div role="separator" className="context-separator" />}
            {group.map((item) => (
              <button
                key={item.command}
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                disabled={item.disabled}
                className={item.checked ? 'context-item checked' : 'context-item'}
                onClick={() => pick(item.command)}
              >
                <span className="context-check">{item.checked ? '✓' : ''}</span>
                <span className="context-label">{item.label}</span>
                <span className="context-keys">{keysLabel(item.command)}</span>
              </button>
            ))}
          </div>
        ))}
      </div>
    </div>,
    document.body,
  );
}
