// 忽略… asks for a reason (renderer): the form in a findings-panel row and in the popover over a mark. The reason is
// kept in the document with the ignore, so 确定 waits for one.
import { useState } from 'react';
import { F } from './strings';

export function IgnoreForm({ onIgnore, onCancel }: { onIgnore(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      className="ignore-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onIgnore(reason.trim());
      }}
    >
      <input autoFocus value={reason} placeholder={F.ignoreReason} aria-label={F.ignoreReason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="small primary" disabled={!reason.trim()}>
        {F.ignoreConfirm}
      </button>
      <button type="button" className="small" onClick={onCancel}>
        {F.cancel}
      </button>
    </form>
  );
}
