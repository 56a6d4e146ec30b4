// The one typed contract between renderer and main (shared, pure). Main validates every request against these
// schemas before a service sees it; the preload exposes exactly these methods by name and nothing else.
import { z } from 'zod';
import type { ImportNote } from '../model/importNote';
import { ReportDocument } from '../model/schema';
import type { ReviewItem } from '../model/review';
import { Template, TemplateSummary } from '../model/template';
import { COMMAND_IDS } from '../commands';
import type { CheckResult } from '../check/types';
import type { ParagraphMark } from '../desk/compare';
import type { DeskRow } from '../desk/rows';

// ---- values that cross the bridge -------------------------------------------------------------------------------

export const AppInfo = z.object({ name: z.string(), version: z.string(), platform: z.string() });
export type AppInfo = z.infer<typeof AppInfo>;

/** An open file as the renderer knows it: an opaque handle (main keeps the path) and the name to show. */
export const DocSession = z.object({ handle: z.string().min(1).max(100), fileName: z.string() });
export type DocSession = z.infer<typeof DocSession>;

/** Import notes are a model type (shared/model/importNote.ts); the contract only carries them. */
export { ImportNote } from '../model/importNote';

export type OpenResult =
  | { status: 'cancelled' }
  | { status: 'opened'; session: DocSession; doc: ReportDocument; notes: ImportNote[] };

export type SaveResult = { status: 'cancelled' } | { status: 'saved'; session: DocSession; savedAt: string };

export type ImportResult =
  | { status: 'cancelled' }
  | { status: 'imported'; fileName: string; doc: ReportDocument; notes: ImportNote[] };

/** `exportId` names the written file for 在文件夹中显示 (main keeps the path). */
export type ExportResult = { status: 'cancelled' } | { status: 'exported'; fileName: string; exportId: string };

/** What 关于 shows: the product, its version, and where the user's data is kept. */
export type AboutInfo = { name: string; version: string; dataDir: string };

export type PrintResult = { status: 'printed' | 'cancelled' };

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
  /** 用户名/姓名: who ignored a finding (kept with it in the report and shown in the review copy's appendix). */
  userName: z.string().default(''),
  ui: z
    .object({
      liveCheck: z.boolean().default(true),
      showGuidance: z.boolean().default(true),
      zoom: z.number().min(0.5).max(3).default(1),
    })
    .default({ liveCheck: true, showGuidance: true, zoom: 1 }),
  recentFiles: z.array(RecentFile).default([]),
  templateFolders: z.object({ team: z.string().default('') }).default({ team: '' }),
  /** The folder of the last Word export (main's to keep, like recent files): the next export proposes it. */
  exportFolder: z.string().default(''),
});
export type Settings = z.infer<typeof Settings>;
/** Only the fields given change (also inside ui and templateFolders); recent files are main's to keep. */
export const SettingsPatch = z.object({
  defaultOrgan: z.string().max(200).optional(),
  defaultSignature: z.string().max(200).optional(),
  defaultAddressee: z.string().max(200).optional(),
  userName: z.string().max(100).optional(),
  ui: z.object({ liveCheck: z.boolean(), showGuidance: z.boolean(), zoom: z.number().min(0.5).max(3) }).partial().optional(),
  templateFolders: z.object({ team: z.string().max(1000) }).partial().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export type SettingsResult = { settings: Settings; notice: string | null };

export type TemplateList = { templates: TemplateSummary[]; notices: string[] };

/** The reviewer's desk: a batch check of a folder, polled by the renderer while it runs. */
export type DeskFolderRole = 'reports' | 'previous';
export type DeskProgress = { phase: 'scan' | 'reports' | 'previous' | 'compare'; done: number; total: number; file?: string };
export interface DeskStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  folder: string;
  previousFolder: string | null;
  progress: DeskProgress;
  /** The table, once done. */
  rows: DeskRow[] | null;
  /** Last year's reports read (keys), for a manual pairing. */
  previousReports: { key: string; organ: string }[];
  /** Last year's files that could not be read. */
  previousFailed: { key: string; reason: string }[];
  error: string | null;
}
/** One report of a finished batch, to show read-only: its text, the checker's result, the paragraphs copied. */
export interface DeskReportView {
  key: string;
  doc: ReportDocument;
  result: CheckResult;
  notes: ImportNote[];
  marks: ParagraphMark[];
  previousKey: string | null;
}

/** The commands main's menu sends (the one command table: shared/commands.ts). */
export const MenuCommand = z.enum(COMMAND_IDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

// ---- the methods: each one declared once, here ----------------------------------------------------------------
// A method is its argument tuple (main validates every request against it before a service sees it) and its result
// (`answer<T>()`: a type only — main does not re-validate its own answers). The method list, Requests, Responses, the
// dispatcher, the preload, the e2e bridge and the Handlers type are all derived from this table, so adding a method
// is one entry here plus its implementation in main/ipc/handlers.ts (which the compiler then demands).

const DocId = z.string().min(1).max(100);
const answer = <T>() => z.custom<T>();
const DeskJobId = z.string().min(1).max(100);
const DeskKey = z.string().min(1).max(2000);

export const methods = {
  getAppInfo: { args: z.tuple([]), result: answer<AppInfo>() },
  /** The window title shows the file name and an unsaved marker; main also uses `dirty` when the window closes. */
  setWindowState: { args: z.tuple([z.object({ title: z.string().max(300), dirty: z.boolean() })]), result: answer<void>() },
  /** The renderer's answer to closeRequested: true closes the window (after saving or discarding), false keeps it. */
  confirmClose: { args: z.tuple([z.boolean()]), result: answer<void>() },
  openDocument: { args: z.tuple([]), result: answer<OpenResult>() },
  openRecent: { args: z.tuple([z.string().min(1).max(100)]), result: answer<OpenResult>() },
  /** handle null or saveAs true: main asks where to save. */
  saveDocument: {
    args: z.tuple([z.object({ handle: z.string().max(100).nullable(), doc: ReportDocument, saveAs: z.boolean() })]),
    result: answer<SaveResult>(),
  },
  importFile: { args: z.tuple([]), result: answer<ImportResult>() },
  /** `handle` is the report's file (its folder is proposed), null for a report not yet saved. */
  exportDocx: { args: z.tuple([z.object({ doc: ReportDocument, handle: z.string().max(100).nullable() })]), result: answer<ExportResult>() },
  /** Shows an exported file (by the exportId exportDocx returned) in the system file manager. */
  showExportedFile: { args: z.tuple([z.string().min(1).max(100)]), result: answer<void>() },
  /** 导出审阅稿: main checks the document and writes the review copy where the user picks. */
  exportReviewCopy: { args: z.tuple([z.object({ doc: ReportDocument, ignoredAppendix: z.boolean() })]), result: answer<ExportResult>() },
  /** 导入审阅意见: main asks for the reviewer's .docx and places its comments and tracked changes on `doc`. */
  importReviewFile: { args: z.tuple([z.object({ doc: ReportDocument })]), result: answer<ReviewImportResponse>() },
  getAboutInfo: { args: z.tuple([]), result: answer<AboutInfo>() },
  /** Prints the window (showing the print view) through the system print dialog. */
  printReport: { args: z.tuple([]), result: answer<PrintResult>() },
  /** `id` names the entry written (the renderer discards it on an explicit 不保存). */
  writeRecovery: {
    args: z.tuple([z.object({ handle: z.string().max(100).nullable(), fileName: z.string().max(300).nullable(), doc: ReportDocument })]),
    result: answer<{ id: string; savedAt: string }>(),
  },
  listRecovery: { args: z.tuple([]), result: answer<RecoveryList>() },
  /** `session` is the file the recovered document belongs to, when it had one (Ctrl+S saves back to it). */
  readRecovery: { args: z.tuple([z.string().min(1).max(200)]), result: answer<{ doc: ReportDocument; session: DocSession | null }>() },
  discardRecovery: { args: z.tuple([z.string().min(1).max(200)]), result: answer<void>() },
  listVersions: { args: z.tuple([DocId]), result: answer<VersionEntry[]>() },
  createVersion: { args: z.tuple([z.object({ doc: ReportDocument, name: z.string().min(1).max(100) })]), result: answer<VersionEntry>() },
  readVersion: { args: z.tuple([DocId, z.string().min(1).max(100)]), result: answer<ReportDocument>() },
  getSettings: { args: z.tuple([]), result: answer<SettingsResult>() },
  updateSettings: { args: z.tuple([SettingsPatch]), result: answer<Settings>() },
  /** Asks main for a folder (the team template folder) with the system's folder dialog; nothing is stored yet.
   *  The folder picked, or null when the user cancelled. */
  chooseTeamFolder: { args: z.tuple([]), result: answer<{ path: string | null }>() },
  listTemplates: { args: z.tuple([]), result: answer<TemplateList>() },
  readTemplate: { args: z.tuple([z.string().min(1).max(64)]), result: answer<Template>() },
  saveTemplate: { args: z.tuple([Template]), result: answer<TemplateSummary>() },
  /** Deletes one of the user's own templates (built-in and team templates are refused). */
  deleteTemplate: { args: z.tuple([z.string().min(1).max(64)]), result: answer<void>() },
  /** Asks main for the folder of this year's reports or of last year's with the system's folder dialog; main keeps it. */
  deskChooseFolder: { args: z.tuple([z.enum(['reports', 'previous'])]), result: answer<{ path: string | null }>() },
  /** Last year's reports from the team folder's archive (<team folder>/往年报告) in place of a chosen folder. */
  deskUseTeamArchive: { args: z.tuple([]), result: answer<{ path: string }>() },
  /** Starts checking the chosen folder (and comparing with last year's, when chosen); poll deskStatus. */
  deskStart: { args: z.tuple([]), result: answer<{ jobId: string }>() },
  deskStatus: { args: z.tuple([DeskJobId]), result: answer<DeskStatus>() },
  deskCancel: { args: z.tuple([DeskJobId]), result: answer<void>() },
  deskReport: { args: z.tuple([DeskJobId, DeskKey]), result: answer<DeskReportView>() },
  /** A manual pairing: this year's report with last year's (null: it has none); returns the new table. */
  deskPair: { args: z.tuple([DeskJobId, DeskKey, DeskKey.nullable()]), result: answer<DeskRow[]>() },
  /** Saves the summary workbook (.xlsx) where the user picks. */
  deskExportXlsx: { args: z.tuple([DeskJobId]), result: answer<ExportResult>() },
  /** 导出审阅稿 of one report of the batch: its findings as Word comments, named after the organ, where the user picks. */
  deskExportReviewCopy: { args: z.tuple([DeskJobId, DeskKey]), result: answer<ExportResult>() },
} satisfies Record<string, { args: z.ZodTuple; result: z.ZodType }>;

export type Method = keyof typeof methods;
export const METHODS = Object.keys(methods) as Method[];
export type Requests = { [M in Method]: z.infer<(typeof methods)[M]['args']> };
export type Responses = { [M in Method]: z.infer<(typeof methods)[M]['result']> };

// ---- the events main sends to the renderer: each one declared once, here --------------------------------------

export const events = {
  menuCommand: MenuCommand,
  closeRequested: z.object({ reason: z.enum(['close', 'quit']) }),
} satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export const EVENTS = Object.keys(events) as EventName[];

// ---- the API the renderer sees (window.fzbg) -------------------------------------------------------------------

type EventMethodName<E extends string> = `on${Capitalize<E>}`;
export type ReportApi = { [M in Method]: (...args: Requests[M]) => Promise<Responses[M]> } & {
  [E in EventName as EventMethodName<E>]: (cb: (payload: z.infer<(typeof events)[E]>) => void) => () => void;
};

/** What travels back over IPC: a value, or an error whose message is already Chinese and meant for the user. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** An error a service throws when it has a message for the user (defined apart so it has no dependencies). */
export { UserFacingError } from './errors';
