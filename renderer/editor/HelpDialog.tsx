// The help dialog (renderer): the keyboard shortcuts (from the command table, shared/commands.ts) and how the editor
// works; F1 or the menu opens it.
import { useEffect, useRef } from 'react';
import { COMMAND_IDS, COMMANDS, keysLabel } from '../../shared/commands';
import { T } from './strings';

const SHORTCUTS = COMMAND_IDS.filter((id) => COMMANDS[id].keys.length > 0).map((id) => {
  const c: { title: string; help?: string } = COMMANDS[id];
  return { keys: keysLabel(id), action: c.help ?? c.title };
});

export function HelpDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modal help-dialog" aria-label={T.help} onClose={onClose} onCancel={onClose}>
      <h2>{T.help}</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="help-notes">
        <li>Enter 另起一段；在标题末尾按下则开始正文。</li>
        <li>标题的序号（一、（一）1.（1））由结构自动生成，增删、移动标题后自动重新编号，无需手工输入。</li>
        <li>【】内的文字是待填写的占位内容，以黄色底纹标出；成文前须全部替换。</li>
        <li>检查结果随输入自动更新：红色波浪线为错误，橙色为提醒，蓝色为提示；点击右侧条目可定位，可一键修正或说明理由后忽略。</li>
        <li>鼠标停在波浪线上片刻（或光标在其中时按 Alt+Enter），即显示该处的说明和建议，可直接修正、忽略或在列表中查看；F8、Shift+F8 依次转到下一处、上一处。</li>
        <li>从Word或网页粘贴时只保留文字和标题层级，原有格式自动去除。</li>
      </ul>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          {T.close}
        </button>
      </div>
    </dialog>
  );
}
