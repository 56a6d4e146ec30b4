// Lint: typescript-eslint, plus import zones that mirror the layers (shared/ pure; renderer/ never reaches main/ or Node;
// in main/, only main/electron/ touches Electron).
import tseslint from 'typescript-eslint';

const noRenderer = { group: ['**/renderer/**', '../renderer/*'], message: 'main/ cannot import renderer/.' };
const nodeModules = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'tls', 'dgram', 'url', 'stream', 'zlib', 'util', 'events'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-output/**', 'bench/out/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON, CSV and CLI output whose shape they then assert.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeModules, message: 'shared/ is pure: no Node modules.' },
          { group: ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'slate-react'], message: 'shared/ is pure: no Electron or React.' },
          { group: ['**/main/**', '**/renderer/**', '../../main/*', '../../renderer/*'], message: 'shared/ cannot depend on main/ or renderer/.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeModules, message: 'renderer/ runs sandboxed: no Node modules.' },
          { group: ['electron', 'electron/*'], message: 'renderer/ talks to main only through window.fzbg (shared/ipc/contract.ts).' },
          { group: ['**/main/**', '../main/*', '../../main/*'], message: 'renderer/ cannot import main/.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [noRenderer],
      }],
    },
  },
  {
    // main/ split by runtime (as VS Code's electron-main vs node): only main/electron/ may touch Electron; the
    // services, IPC handlers and CLI are plain Node, run by the CLI, the e2e harness and tests without Electron.
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          noRenderer,
          { group: ['electron', 'electron/*', 'electron-store'], message: 'Only main/electron/ may import Electron: services, IPC handlers and the CLI run in plain Node.' },
          { group: ['**/electron/**', './electron', '../electron'], message: 'main/electron/ is the shell around the services: the services and the CLI do not import it.' },
        ],
      }],
    },
  },
);
