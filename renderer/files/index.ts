// The files feature (renderer): the open document's session and the UI around it. App imports from here.
export { useDocumentSession, windowTitle, type DocumentSessionApi, type DocFrame, type EditorPort, type FilesCommand, type FramePatch, type LoadOptions } from './useDocumentSession';
export { FilesLayer, FilesNotices, RecentFiles } from './FilesLayer';
export { T as FILES_TEXT } from './text';
