// The open document's session as its users see it (renderer, types only): what the session owns (the frame), what
// the editor offers it (the port), and the API App, the editor and the files dialogs call.
import type { DocSession, ImportNote } from '../../shared/ipc/contract';
import type { Block, ReportDocument } from '../../shared/model/schema';
import type { Notice, NoticeKind } from './useNotices';
import type { UnsavedChoice } from './useUnsavedPrompt';

/** The document without its body: what the session owns. */
export type DocFrame = Omit<ReportDocument, 'body'>;
/** What the session may change of the frame (the id stays); `meta` is merged into the current meta. */
export type FramePatch = { meta?: Partial<DocFrame['meta']> } & Partial<Pick<DocFrame, 'ignores' | 'rules' | 'review'>>;

/** What the editor offers the session. */
export interface EditorPort {
  /** The body as it is now. */
  body(): Block[];
  /** Replaces the body as one undoable step (restoring a version); the editor then signals bodyChanged(). */
  replaceBody(body: Block[]): void;
}

export interface LoadOptions {
  /** The file the document belongs to; null for a new, imported or derived report (saving asks where). */
  session: DocSession | null;
  /** True when the document is not on disk as it stands (new, imported, recovered). */
  dirty: boolean;
  /** Notes from opening or importing, shown to the user. */
  notes?: ImportNote[];
  /** The recovery entry this document came from: autosaves continue in it, 不保存 discards it. */
  recoveryId?: string | null;
}

/** The commands of the table (shared/commands.ts) that files runs. */
export type FilesCommand = 'open' | 'save' | 'saveAs' | 'newFromPrevious' | 'versions' | 'saveTemplate';

export type FilesPanel = 'versions' | 'saveTemplate' | 'settings' | 'recovery' | null;

export interface DocumentSessionState {
  /** The open document's frame (null on the start screen); its body is the editor's (currentDoc() reads it). */
  frame: DocFrame | null;
  /** The body the document was loaded with: the editor's initial value, nothing more. */
  loadedBody: readonly Block[];
  /** Changes whenever a different document is loaded: use it as the editor's React key. */
  loadId: number;
  /** The file name (报告.fzbg), or null before the first save. */
  fileName: string | null;
  /** What the title bar and dialogs call the document. */
  displayName: string;
  dirty: boolean;
  /** A file operation (open, save, …) is under way. */
  busy: boolean;
  notices: Notice[];
  /** The 保存 / 不保存 / 取消 question being asked, if any. */
  unsavedPrompt: { name: string } | null;
  panel: FilesPanel;
}

export interface DocumentSessionApi extends DocumentSessionState {
  /** The editor signals each change of the body (the session then reads the body when it needs it). */
  bodyChanged(): void;
  /** Changes meta, ignores or rule settings (the editor's title fields, 忽略, a fix of the title). */
  changeFrame(patch: FramePatch): void;
  /** The latest document (the body read from the editor), or null when none is open. */
  currentDoc(): ReportDocument | null;
  /** The opaque handle of the document's file (null before the first save): the export proposes its folder. */
  currentHandle(): string | null;
  /** The editor registers (and on unmount unregisters) the port for undoable replacement. */
  bindEditor(port: EditorPort | null): void;
  /** Asks 保存 / 不保存 / 取消 when there are unsaved changes; true when the caller may close or replace the document. */
  ensureSaved(): Promise<boolean>;
  /** Asks about unsaved changes, then shows `doc` as the open document. False when the user cancelled. */
  replaceDocument(doc: ReportDocument, options: LoadOptions): Promise<boolean>;
  /** Shows `doc` as the open document without asking: only right after ensureSaved() returned true. */
  loadDocument(doc: ReportDocument, options: LoadOptions): void;
  /** Takes `doc`'s meta and body in place of the open one's; the body change is one undoable step in the editor. */
  replaceUndoable(doc: ReportDocument): void;
  open(): Promise<void>;
  openRecent(id: string): Promise<void>;
  /** 基于上一年度报告新建: last year's .fzbg (chosen in main's dialog) becomes next year's unsaved draft. */
  newFromPrevious(): Promise<void>;
  /**
   * Runs a menu command or shortcut that belongs to files. App's one command dispatcher calls it, so a key and its
   * menu echo are gated in one place. A second save or open while one is under way is ignored.
   */
  handleCommand(command: FilesCommand): void;
  /** Saves to the document's file (asks where when it has none). True when saved. */
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  /** Writes the working state to the recovery area now (also runs on its own after typing stops and on blur). */
  flushRecovery(): Promise<void>;
  answerUnsaved(choice: UnsavedChoice): void;
  notify(kind: NoticeKind, text: string, action?: Notice['action']): void;
  dismissNotice(id: number): void;
  showPanel(panel: FilesPanel): void;
  /** Runs a file operation with the busy flag set; a thrown ApiError becomes an error notice. */
  run<R>(action: () => Promise<R>): Promise<R | undefined>;
}
