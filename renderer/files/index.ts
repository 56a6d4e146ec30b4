// The files feature (renderer): the open document's session and the UI around it. App imports from here.
export { useDocumentSession, type DocumentSessionApi, type DocFrame, type EditorPort, type FilesCommand, type FramePatch } from './useDocumentSession';
export { FilesLayer, FilesNotices, RecentFiles } from './FilesLayer';
