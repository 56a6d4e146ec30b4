// Temporary folders for the tests and the bench (Node): one way to make them and one way to remove them. In vitest
// every folder made with tempDir is removed after the test file (tests/setup/temp-dirs.ts); elsewhere call removeDir
// or use withTempDir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A fresh empty folder under the system's temp folder, named fzbg-<name>-XXXXXX. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `fzbg-${name}-`));
  made.add(dir);
  return dir;
}

/** Removes a folder made by tempDir, with everything in it. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  made.delete(dir);
}

/** Removes every folder tempDir made in this process and has not yet been removed. */
export function removeTempDirs(): void {
  for (const dir of [...made]) removeDir(dir);
}

/** Runs `fn` with a fresh temp folder, removed afterwards whatever happens. */
export async function withTempDir<T>(name: string, fn: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = tempDir(name);
  try {
    return await fn(dir);
  } finally {
    removeDir(dir);
  }
}
