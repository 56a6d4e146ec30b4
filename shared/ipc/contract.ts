// The one typed contract between renderer and main (shared, pure). Main validates every request against these
// schemas before a service sees it; the preload exposes exactly these methods by name and nothing else.
import { z } from 'zod';
import { ReportDocument } from '../model/schema';
import type { ReviewItem } from '../model/review';
import { Template, TemplateSummary } from '../model/template';
import type { EventName, Method } from './channels';

// ---- values that cross the bridge -------------------------------------------------------------------------------

export const AppInfo = z.object({ name: z.string(), version: z.string(), platform: z.string() });
export type AppInfo = z.infer<typeof AppInfo>;

/** An open file as the renderer knows it: an opaque handle (main keeps the path) and the name to show. */
export const DocSession = z.object({ handle: z.string().min(1).max(100), fileName: z.string() });
export type DocSession = z.infer<typeof DocSession>;

export const ImportNote = z.object({ severity: z.enum(['info', 'warning']), message: z.string() });
export type ImportNote = z.infer<typeof ImportNote>;

export type OpenResult =
  | { status: 'cancelled' }
  | { status: 'opened'; session: DocSession; doc: ReportDocument; notes: ImportNote[] };

export type SaveResult = { status: 'cancelled' } | { status: 'saved'; session: DocSession; savedAt: string };

export type ImportResult =
  | { status: 'cancelled' }
  | { status: 'imported'; fileName: string; doc: ReportDocument; notes: ImportNote[] };

export type ExportResult = { status: 'cancelled' } | { status: 'exported'; fileName: string };

/** 导入审阅意见: the new review items for the draft sent (placed and unplaced), and one line saying how many. */
export type ReviewImportResponse = { status: 'cancelled' } | { status: 'imported'; fileName: string; items: ReviewItem[]; summary: string };

export const RecoveryEntry = z.object({
  id: z.string(),
  docId: z.string(),
  title: z.string(),
  fileName: z.string().nullable(),
  savedAt: z.string(),
  preview: z.string(),
  chars: z.number().int().nonnegative(),
});
export type RecoveryEntry = z.infer<typeof RecoveryEntry>;
export type RecoveryList = { entries: RecoveryEntry[]; skipped: { id: string; reason: string }[] };

export const VersionEntry = z.object({
  id: z.string(),
  docId: z.string(),
  name: z.string(),
  kind: z.enum(['named', 'auto']),
  createdAt: z.string(),
  chars: z.number().int().nonnegative(),
});
export type VersionEntry = z.infer<typeof VersionEntry>;

export const RecentFile = z.object({ id: z.string(), name: z.string(), location: z.string(), openedAt: z.string() });
export type RecentFile = z.infer<typeof RecentFile>;

export const Settings = z.object({
  defaultOrgan: z.string().default(''),
  defaultSignature: z.string().default(''),
  defaultAddressee: z.string().default(''),
  ui: z
    .object({
      liveCheck: z.boolean().default(true),
      showGuidance: z.boolean().default(true),
      zoom: z.number().min(0.5).max(3).default(1),
    })
    .default({ liveCheck: true, showGuidance: true, zoom: 1 }),
  recentFiles: z.array(RecentFile).default([]),
  templateFolders: z.object({ team: z.string().default('') }).default({ team: '' }),
});
export type Settings = z.infer<typeof Settings>;
/** Only the fields given change (also inside ui and templateFolders); recent files are main's to keep. */
export const SettingsPatch = z.object({
  defaultOrgan: z.string().max(200).optional(),
  defaultSignature: z.string().max(200).optional(),
  defaultAddressee: z.string().max(200).optional(),
  ui: z.object({ liveCheck: z.boolean(), showGuidance: z.boolean(), zoom: z.number().min(0.5).max(3) }).partial().optional(),
  templateFolders: z.object({ team: z.string().max(1000) }).partial().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export type SettingsResult = { settings: Settings; notice: string | null };

export type TemplateList = { templates: TemplateSummary[]; notices: string[] };

export const MENU_COMMANDS = [
  'new', 'newFromPrevious', 'open', 'save', 'saveAs', 'import', 'export', 'exportReview', 'importReview', 'saveTemplate', 'versions',
  'undo', 'redo', 'find', 'replace', 'help', 'about',
] as const;
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

// ---- requests: one argument tuple schema per method -------------------------------------------------------------

const DocId = z.string().min(1).max(100);

export const requestSchemas = {
  getAppInfo: z.tuple([]),
  /** The window title shows the file name and an unsaved marker; main also uses `dirty` when the window closes. */
  setWindowState: z.tuple([z.object({ title: z.string().max(300), dirty: z.boolean() })]),
  /** The renderer's answer to closeRequested: true closes the window (after saving or discarding), false keeps it. */
  confirmClose: z.tuple([z.boolean()]),
  openDocument: z.tuple([]),
  openRecent: z.tuple([z.string().min(1).max(100)]),
  /** handle null or saveAs true: main asks where to save. */
  saveDocument: z.tuple([z.object({ handle: z.string().max(100).nullable(), doc: ReportDocument, saveAs: z.boolean() })]),
  importFile: z.tuple([]),
  exportDocx: z.tuple([z.object({ doc: ReportDocument })]),
  /** 导出审阅稿: main checks the document and writes the review copy where the user picks. */
  exportReviewCopy: z.tuple([z.object({ doc: ReportDocument, ignoredAppendix: z.boolean() })]),
  /** 导入审阅意见: main asks for the returned .docx and places its comments and changes on the document sent. */
  importReviewFile: z.tuple([z.object({ doc: ReportDocument })]),
  writeRecovery: z.tuple([z.object({ handle: z.string().max(100).nullable(), fileName: z.string().max(300).nullable(), doc: ReportDocument })]),
  listRecovery: z.tuple([]),
  readRecovery: z.tuple([z.string().min(1).max(200)]),
  discardRecovery: z.tuple([z.string().min(1).max(200)]),
  listVersions: z.tuple([DocId]),
  createVersion: z.tuple([z.object({ doc: ReportDocument, name: z.string().min(1).max(100) })]),
  readVersion: z.tuple([DocId, z.string().min(1).max(100)]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([SettingsPatch]),
  /** Asks main for a folder (the team template folder) with the system's folder dialog; nothing is stored yet. */
  chooseTeamFolder: z.tuple([]),
  listTemplates: z.tuple([]),
  readTemplate: z.tuple([z.string().min(1).max(64)]),
  saveTemplate: z.tuple([Template]),
  /** Deletes one of the user's own templates (built-in and team templates are refused). */
  deleteTemplate: z.tuple([z.string().min(1).max(64)]),
} satisfies Record<Method, z.ZodTuple>;

export interface Responses {
  getAppInfo: AppInfo;
  setWindowState: void;
  confirmClose: void;
  openDocument: OpenResult;
  openRecent: OpenResult;
  saveDocument: SaveResult;
  importFile: ImportResult;
  exportDocx: ExportResult;
  exportReviewCopy: ExportResult;
  importReviewFile: ReviewImportResponse;
  /** `id` names the entry written (the renderer discards it on an explicit 不保存). */
  writeRecovery: { id: string; savedAt: string };
  listRecovery: RecoveryList;
  /** `session` is the file the recovered document belongs to, when it had one (Ctrl+S saves back to it). */
  readRecovery: { doc: ReportDocument; session: DocSession | null };
  discardRecovery: void;
  listVersions: VersionEntry[];
  createVersion: VersionEntry;
  readVersion: ReportDocument;
  getSettings: SettingsResult;
  updateSettings: Settings;
  /** The folder picked, or null when the user cancelled. */
  chooseTeamFolder: { path: string | null };
  listTemplates: TemplateList;
  readTemplate: Template;
  saveTemplate: TemplateSummary;
  deleteTemplate: void;
}

export const eventSchemas = {
  menuCommand: MenuCommand,
  closeRequested: z.object({ reason: z.enum(['close', 'quit']) }),
} satisfies Record<EventName, z.ZodType>;

// ---- the API the renderer sees (window.fzbg) -------------------------------------------------------------------

export type Requests = { [M in Method]: z.infer<(typeof requestSchemas)[M]> };

type EventMethodName<E extends string> = `on${Capitalize<E>}`;
export type ReportApi = { [M in Method]: (...args: Requests[M]) => Promise<Responses[M]> } & {
  [E in EventName as EventMethodName<E>]: (cb: (payload: z.infer<(typeof eventSchemas)[E]>) => void) => () => void;
};

/** What travels back over IPC: a value, or an error whose message is already Chinese and meant for the user. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** An error a service throws when it has a message for the user (defined apart so it has no dependencies). */
export { UserFacingError } from './errors';
