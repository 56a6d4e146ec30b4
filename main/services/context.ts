// What the main-process services need from their surroundings (Node). Electron supplies the real ones in
// main/electron/main.ts; the e2e harness and unit tests supply their own, so every service runs without Electron.

export interface FileFilter { name: string; extensions: string[] }

/** Native file dialogs. The renderer never sends a path: main asks the user through these. */
export interface Dialogs {
  /** A path to open, or null when the user cancelled. */
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** A path to write, or null when the user cancelled. The dialog opens in `defaultFolder` when given. */
  saveFile(options: { title: string; defaultName: string; defaultFolder?: string; filters: FileFilter[] }): Promise<string | null>;
  /** A folder, or null when the user cancelled. */
  openFolder(options: { title: string }): Promise<string | null>;
}

/** The desktop around the window: the system file manager and the printer (Electron's shell and webContents.print). */
export interface Shell {
  /** Shows the file selected in the system file manager. It is never opened (no URL, no default application). */
  showItemInFolder(path: string): void;
  /** Prints what the window shows (the print view) through the system print dialog; false when the user cancelled. */
  printWindow(): Promise<boolean>;
}

/** The window the renderer lives in, as far as services care. */
export interface WindowPort {
  setTitle(title: string): void;
  setDirty(dirty: boolean): void;
  /** Called with true when the renderer has saved or discarded and the window may close. */
  closeConfirmed(proceed: boolean): void;
}

export interface AppContext {
  /** Per-user data folder (Electron's userData): settings, recovery, versions, the user's templates. */
  dataDir: string;
  /** Folder of the built-in templates (the repository's templates/, packaged with the app). */
  templatesDir: string;
  appName: string;
  appVersion: string;
  platform: string;
  dialogs: Dialogs;
  window: WindowPort;
  /** Absent in the CLI and in tests that do not need it: 在文件夹中显示 and 打印 then say they are unavailable. */
  shell?: Shell;
}
