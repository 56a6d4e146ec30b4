// The shell's entries for 导出为Word…, 打印… and 关于 (renderer): the call sites App's command dispatch reaches. Export
// goes through main's save dialog (exportDocx); the fuller flow (the pre-submission check, 在文件夹中显示, the print
// view, the about dialog) is built in renderer/export/ and replaces this hook at merge.
import { useCallback, useMemo } from 'react';
import { api } from './api';
import type { DocumentSessionApi } from './files';

export function useExportWord(files: Pick<DocumentSessionApi, 'currentDoc' | 'notify' | 'run'>) {
  const { currentDoc, notify, run } = files;
  const exportWord = useCallback(
    () =>
      run(async () => {
        const doc = currentDoc();
        if (!doc) return;
        const r = await api.exportDocx({ doc, handle: null });
        if (r.status === 'exported') notify('info', `已导出为Word文件：${r.fileName}`);
      }),
    [currentDoc, notify, run],
  );
  const print = useCallback(() => window.print(), []);
  const about = useCallback(
    () =>
      run(async () => {
        const info = await api.getAppInfo();
        notify('info', `${info.name} ${info.version}：全程离线运行，不发出任何网络请求。`);
      }),
    [notify, run],
  );
  return useMemo(() => ({ exportWord, print, about }), [about, exportWord, print]);
}
