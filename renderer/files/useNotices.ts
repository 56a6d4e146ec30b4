// The files feature's notices (renderer): errors and information shown in banners at the top of the window.
import { useCallback, useRef, useState } from 'react';

export type NoticeKind = 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  action?: { label: string; run: () => void };
}

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(0);
  const notify = useCallback((kind: NoticeKind, text: string, action?: Notice['action']) => {
    const id = ++nextId.current;
    // The same message twice (e.g. a repeated failure) shows once.
    setNotices((list) => [...list.filter((n) => n.text !== text), { id, kind, text, action }]);
  }, []);
  const dismissNotice = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  return { notices, notify, dismissNotice };
}
