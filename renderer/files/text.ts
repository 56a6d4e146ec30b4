// Every user-facing string of the files feature (renderer): open/save, unsaved changes, recovery, versions,
// templates, settings. Kept in one place so wording stays consistent.

export const APP_NAME = '法治年报助手';
export const UNTITLED = '未命名报告';

export const T = {
  unsavedTitle: '尚未保存的更改',
  unsavedQuestion: (name: string) => `是否保存对“${name}”的更改？`,
  unsavedExplain: '如果不保存，自上次保存以来的更改将会丢失。',
  save: '保存',
  dontSave: '不保存',
  cancel: '取消',
  close: '关闭',
  saved: (name: string) => `已保存“${name}”。`,
  autosaveFailed: (message: string) => `${message}（编辑不受影响，程序会继续尝试。）`,

  recoveryTitle: '恢复未保存的文稿',
  recoveryIntro: '上次关闭前有以下文稿尚未保存（程序可能意外退出或断电）。请选择恢复或丢弃；不处理的记录会保留到下次启动。',
  recoveryRestore: '恢复',
  recoveryDiscard: '丢弃',
  recoveryLater: '稍后处理',
  recoveryDiscardConfirm: (title: string) => `确定丢弃“${title}”的恢复记录吗？丢弃后无法找回。`,
  recoveryFile: (fileName: string | null) => (fileName ? `文件：${fileName}` : '从未保存过的新报告'),
  recoverySaved: (time: string) => `自动保存于 ${time}`,
  recoveryChars: (n: number) => `${n.toLocaleString('zh-CN')} 字`,
  recoverySkippedTitle: '无法恢复的记录',
  recoverySkippedRemove: '移除',
  recoveryRestored: (title: string) => `已恢复“${title}”。这是尚未保存的文稿，请核对后保存。`,
  recoveryMore: (n: number) => `还有 ${n} 份未保存的文稿可以恢复。`,
  recoveryShow: '查看',

  versionsTitle: '版本记录',
  versionsNamePlaceholder: '版本名称，例如：送审前',
  versionsCreate: '保留当前版本',
  versionsCreated: (name: string) => `已保留版本“${name}”。`,
  versionsEmpty: '还没有版本。每次保存时会自动保留一个版本，也可以随时为当前文稿保留一个命名版本。',
  versionsNoDoc: '请先打开或新建一份报告。',
  versionsAuto: '自动',
  versionsNamed: '命名',
  versionsPreview: '预览',
  versionsCompare: '与当前比较',
  versionsRestore: '恢复此版本',
  versionsRestored: (name: string) => `已恢复为版本“${name}”。如需撤回，可按 Ctrl+Z 撤销。`,
  versionsBeforeRestore: (name: string) => `恢复“${name}”之前`,
  versionsDiffSummary: (added: number, removed: number) =>
    added === 0 && removed === 0 ? '正文与当前完全相同。' : `与当前相比：当前新增 ${added.toLocaleString('zh-CN')} 字，删除 ${removed.toLocaleString('zh-CN')} 字。`,
  versionsMetaChanged: '标题、机关、年度等基本信息也有不同。',
  versionsUnchangedRun: (n: number) => `……未改动的 ${n} 段……`,
  versionsLegend: '绿色为当前新增的文字，红色删除线为当前已删除的文字。',
  versionsPreviewOf: (name: string, time: string) => `“${name}”（${time}）`,

  templateTitle: '另存为模板',
  templateName: '模板名称',
  templateDescription: '说明（可选）',
  templateClearYear: '清除年度相关文字（如“2024年”改为“【年份】”）',
  templateClearOrgan: '清除机关名称（改为“【机关名称】”）',
  templateExplain: '模板保留报告的结构、写作指引和检查规则设置，文中的数字会变为占位符（如“【××件】”），供下次填写。',
  templateNameRequired: '请填写模板名称。',
  templateSaved: (name: string) => `已保存模板“${name}”，新建报告时可以选用。`,
  templateDefaultName: (organ: string) => (organ ? `${organ}年度报告模板` : '我的年度报告模板'),

  previousYearOpened: (year: number) =>
    `已根据上一年度报告生成 ${year} 年度的新报告：年份已顺延，所有数字已标记为“待核实”，请逐一确认或更新后保存。`,

  settingsTitle: '设置',
  settingsOrgan: '默认机关名称',
  settingsSignature: '默认署名',
  settingsAddressee: '默认主送机关',
  settingsUserName: '用户名/姓名',
  settingsUserNameHint: '忽略检查结果时记入报告，审阅稿的“已忽略问题”附表中显示。',
  settingsTeamFolder: '团队模板文件夹',
  settingsTeamFolderHint: '共享盘上由牵头处室发布模板的文件夹，可点“选择…”挑选或直接填写路径，例如 \\\\fileserver\\法制科\\年报模板。留空则不使用。',
  settingsChooseFolder: '选择…',
  settingsSaved: '设置已保存。',
  settingsSave: '保存设置',

  recentTitle: '最近打开',
  recentEmpty: '还没有打开过的报告。',
  newFromPrevious: '基于上一年度报告新建…',
  openSettings: '设置…',
  openVersions: '版本记录…',
  saveAsTemplate: '另存为模板…',

  dismiss: '知道了',
  working: '正在处理…',
} as const;

const TIME = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An ISO time as the user reads it: 2026/11/22 14:05:09. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : TIME.format(d);
}
