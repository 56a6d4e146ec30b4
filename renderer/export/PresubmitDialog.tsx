// 送审前检查 (renderer): before a Word file is written, the errors left in the report by kind with counts; a row
// jumps to the first place of its kind, 返回修改 (the default) closes, 仍然导出 writes the file anyway.
import type { PresubmitGroup } from '../../shared/export/presubmit';
import { Modal } from '../files/Modal';
import { T } from './text';

export function PresubmitDialog(props: {
  groups: PresubmitGroup[];
  onJump(group: PresubmitGroup): void;
  onBack(): void;
  onExportAnyway(): void;
}) {
  const total = props.groups.reduce((n, g) => n + g.count, 0);
  return (
    <Modal
      title={T.presubmitTitle}
      alert
      className="presubmit-dialog"
      onCancel={props.onBack}
      footer={
        <>
          <button type="button" className="primary" onClick={props.onBack} data-autofocus>
            {T.backToEdit}
          </button>
          <button type="button" onClick={props.onExportAnyway}>
            {T.exportAnyway}
          </button>
        </>
      }
    >
      <p className="files-question">{T.presubmitIntro(total)}</p>
      <ul className="presubmit-kinds" aria-label={T.presubmitTitle}>
        {props.groups.map((g) => (
          <li key={g.kind.id}>
            <button type="button" className="presubmit-row" data-kind={g.kind.id} title={T.presubmitRowHint} onClick={() => props.onJump(g)}>
              <span className="presubmit-label">{g.kind.label}</span>
              <span className="presubmit-count">{T.presubmitCount(g.count)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="files-hint">{T.presubmitRowHint}</p>
    </Modal>
  );
}
