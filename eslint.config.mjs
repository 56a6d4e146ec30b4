// Lint: typescript-eslint, plus import zones that mirror the layers (shared/ pure; renderer/ never reaches main/ or Node).
import tseslint from 'typescript-eslint';

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
        patterns: [{ group: ['**/renderer/**', '../renderer/*'], message: 'main/ cannot import renderer/.' }],
      }],
    },
  },
);
