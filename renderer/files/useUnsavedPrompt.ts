// The 保存 / 不保存 / 取消 question (renderer): asked as a promise, answered by the dialog in FilesLayer.
import { useCallback, useRef, useState } from 'react';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export function useUnsavedPrompt() {
  const [unsavedPrompt, setUnsavedPrompt] = useState<{ name: string } | null>(null);
  const resolveRef = useRef<((choice: UnsavedChoice) => void) | null>(null);

  const askUnsaved = useCallback((name: string): Promise<UnsavedChoice> => {
    // A second question while one is open (e.g. close during open) is the same question.
    resolveRef.current?.('cancel');
    return new Promise<UnsavedChoice>((resolve) => {
      resolveRef.current = resolve;
      setUnsavedPrompt({ name });
    });
  }, []);

  const answerUnsaved = useCallback((choice: UnsavedChoice) => {
    const resolve = resolveRef.current;
    resolveRef.current = null;
    setUnsavedPrompt(null);
    resolve?.(choice);
  }, []);

  return { unsavedPrompt, askUnsaved, answerUnsaved };
}
