// Vitest setup (Node): the temp folders a test file made with tests/support/tempDir.ts are removed when it ends.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../support/tempDir';

afterAll(removeTempDirs);
