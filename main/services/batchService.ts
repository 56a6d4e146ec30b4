// The reviewer's desk behind the contract (Node): keeps the folders the user picked, runs one batch at a time in the
// background (the renderer polls its status; 取消 aborts it), and answers for the finished batch: a report to
// view, a manual pairing, the workbook and a report's review copy saved where the user picks. Main owns the paths;
// the renderer never sends one.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { deskRows, isChecked, repair, runBatch, type BatchResult } from './batch';
import { writeWorkbook } from './batchXlsx';
import { atomicWrite } from './atomicWrite';
import { buildReviewCopy } from '../../shared/docx/review/reviewCopy';
import { EXPORT_FILTERS, exportError } from './exportFile';
import type { Dialogs } from './context';
import { reportingOrgan } from '../../shared/check/rules/dates';
import type { DeskRow } from '../../shared/desk/rows';
import { UserFacingError, type DeskFolderRole, type DeskReportView, type DeskStatus, type ExportResult } from '../../shared/ipc/contract';

/** The team folder's archive of earlier years' reports (any layout inside, e.g. one subfolder per year). */
export const TEAM_ARCHIVE_DIR = '往年报告';
/** How long the team folder (often a network share) may take to answer. */
const TEAM_TIMEOUT_MS = 8000;

interface Job {
  status: DeskStatus;
  controller: AbortController;
  result: BatchResult | null;
  pairings: Record<string, string | null>;
}

export class DeskService {
  private folders: Record<DeskFolderRole, string | null> = { reports: null, previous: null };
  /** Last year's reports come from the team folder's archive (which holds several years: only last year's count). */
  private previousIsArchive = false;
  private job: Job | null = null;

  constructor(
    private readonly dialogs: Dialogs,
    /** Keeps a written workbook for 在文件夹中显示 (ExportService.remember). */
    private readonly remember: (path: string) => string,
    /** The team folder as currently set in the settings ('' when none). */
    private readonly teamFolder: () => string = () => '',
  ) {}

  async chooseFolder(role: DeskFolderRole): Promise<{ path: string | null }> {
    const path = await this.dialogs.openFolder({ title: role === 'reports' ? '选择要检查的报告文件夹' : '选择上一年度报告所在的文件夹' });
    if (path) {
      this.folders[role] = path;
      if (role === 'previous') this.previousIsArchive = false;
    }
    return { path };
  }

  /** Last year's reports from the team folder's archive (<team folder>/往年报告), in place of a picked folder. */
  async useTeamArchive(): Promise<{ path: string }> {
    const team = this.teamFolder().trim();
    if (!team) throw new UserFacingError('desk-no-team', '尚未设置团队文件夹，请先在“设置”中填写团队模板文件夹（共享盘）的位置，或直接选择上年报告文件夹。');
    const path = join(team, TEAM_ARCHIVE_DIR);
    const answer = await Promise.race([
      stat(path).then((s) => (s.isDirectory() ? 'ok' : 'not-folder'), (e: unknown) => ((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'offline')),
      new Promise<'slow'>((ok) => setTimeout(() => ok('slow'), TEAM_TIMEOUT_MS).unref()),
    ]);
    if (answer === 'missing' || answer === 'not-folder') {
      throw new UserFacingError('desk-no-archive', `团队文件夹中还没有“${TEAM_ARCHIVE_DIR}”文件夹（${path}）。请把往年报送的报告放在那里（可按年度分子文件夹），或直接选择上年报告文件夹。`);
    }
    if (answer !== 'ok') throw new UserFacingError('desk-team-offline', `团队文件夹“${team}”当前无法访问（网络驱动器可能未连接），请稍后再试或直接选择上年报告文件夹。`);
    this.folders.previous = path;
    this.previousIsArchive = true;
    return { path };
  }

  start(): { jobId: string } {
    const folder = this.folders.reports;
    if (!folder) throw new UserFacingError('desk-no-folder', '请先选择要检查的报告文件夹。');
    this.job?.controller.abort();
    const controller = new AbortController();
    const job: Job = {
      controller,
      result: null,
      pairings: {},
      status: {
        jobId: randomUUID(), state: 'running', folder, previousFolder: this.folders.previous,
        progress: { phase: 'scan', done: 0, total: 0 }, rows: null, previousReports: [], previousFailed: [], error: null,
      },
    };
    this.job = job;
    void runBatch(folder, {
      previous: this.folders.previous ?? undefined,
      previousLastYearOnly: this.previousIsArchive,
      signal: controller.signal,
      onProgress: (p) => void (job.status.progress = p),
    }).then(
      (result) => {
        job.result = result;
        job.status.state = 'done';
        job.status.rows = deskRows(result);
        job.status.previousReports = result.lastYear?.reports.map((r) => ({ key: r.file.key, organ: reportingOrgan(r.doc.meta) })) ?? [];
        job.status.previousFailed = result.lastYear?.failed ?? [];
      },
      (e: unknown) => {
        if (controller.signal.aborted) job.status.state = 'cancelled';
        else {
          job.status.state = 'failed';
          job.status.error = e instanceof UserFacingError ? e.message : `检查未能完成：${e instanceof Error ? e.message : String(e)}`;
        }
      },
    );
    return { jobId: job.status.jobId };
  }

  private jobOf(jobId: string): Job {
    if (!this.job || this.job.status.jobId !== jobId) throw new UserFacingError('desk-no-job', '这次检查已不在了，请重新检查文件夹。');
    return this.job;
  }

  private done(jobId: string): { job: Job; result: BatchResult } {
    const job = this.jobOf(jobId);
    if (!job.result) throw new UserFacingError('desk-not-done', '检查尚未完成。');
    return { job, result: job.result };
  }

  status(jobId: string): DeskStatus {
    return this.jobOf(jobId).status;
  }

  cancel(jobId: string): void {
    const job = this.jobOf(jobId);
    if (job.status.state === 'running') job.controller.abort();
  }

  report(jobId: string, key: string): DeskReportView {
    const { result } = this.done(jobId);
    const entry = result.entries.find((e) => e.file.key === key);
    if (!entry) throw new UserFacingError('desk-no-report', '找不到这份报告。');
    if (!isChecked(entry)) throw new UserFacingError('desk-unreadable', entry.failed);
    const c = result.comparisons.get(key);
    return { key, doc: entry.doc, result: entry.result, notes: entry.notes, marks: c?.comparison.marks ?? [], previousKey: c?.previousKey ?? null };
  }

  pair(jobId: string, key: string, previousKey: string | null): DeskRow[] {
    const { job, result } = this.done(jobId);
    if (!result.lastYear) throw new UserFacingError('desk-no-previous', '没有选择上一年度的报告文件夹。');
    if (previousKey !== null && !result.lastYear.reports.some((r) => r.file.key === previousKey)) throw new UserFacingError('desk-no-report', '找不到所选的上年报告。');
    job.pairings = { ...job.pairings, [key]: previousKey };
    job.result = repair(result, job.pairings);
    job.status.rows = deskRows(job.result);
    return job.status.rows;
  }

  async exportXlsx(jobId: string): Promise<ExportResult> {
    const { result } = this.done(jobId);
    const defaultName = `${basename(result.folder) || '报告'}-检查汇总.xlsx`;
    let path = await this.dialogs.saveFile({ title: '导出检查汇总（Excel 工作簿）', defaultName, filters: [{ name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] }] });
    if (!path) return { status: 'cancelled' };
    if (!/\.xlsx$/i.test(path)) path += '.xlsx';
    await writeWorkbook(result, path);
    return { status: 'exported', fileName: basename(path), exportId: this.remember(path) };
  }

  /**
   * 导出审阅稿 of one report: the Word file with the batch's findings on it as comments (the review loop's copy),
   * named after the organ, written where the user picks. The submitted file itself is never touched.
   */
  async exportReviewCopy(jobId: string, key: string): Promise<ExportResult> {
    const { result } = this.done(jobId);
    const entry = result.entries.find((e) => e.file.key === key);
    if (!entry) throw new UserFacingError('desk-no-report', '找不到这份报告。');
    if (!isChecked(entry)) throw new UserFacingError('desk-unreadable', `这份报告未能读取，无法导出审阅稿：${entry.failed}`);
    const organ = reportingOrgan(entry.doc.meta).replace(/[\\/:*?"<>|\u0000-\u001f\s]/g, '').slice(0, 60);
    const stem = organ || basename(key).replace(/\.[^.]+$/, '') || '报告';
    let path = await this.dialogs.saveFile({ title: '导出审阅稿（检查结果作为 Word 批注）', defaultName: `${stem}（审阅稿）.docx`, filters: EXPORT_FILTERS });
    if (!path) return { status: 'cancelled' };
    if (!/\.docx$/i.test(path)) path += '.docx';
    let bytes: Uint8Array;
    try {
      bytes = await buildReviewCopy(entry.doc, entry.result);
    } catch (e) {
      throw new UserFacingError('desk-review-failed', `未能生成“${stem}”的审阅稿：${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      await atomicWrite(path, bytes, { backup: false });
    } catch (e) {
      throw exportError(e, path);
    }
    return { status: 'exported', fileName: basename(path), exportId: this.remember(path) };
  }
}
