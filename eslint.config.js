// ESLint (flat config): the recommended JavaScript and typescript-eslint
// rules for the project's TypeScript, and the triage engine's one-way
// pipeline: text → index → match → decide → present (src/triage/README.md).
// A stage may import the stages before it, never one after it, and the
// engine imports nothing of the DOM or Astro. Run by `npm test` (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The stages in pipeline order, and what a module in each may not import. */
const STAGES = ['text', 'index', 'match', 'decide', 'present'];
const LATER = (stage) => STAGES.slice(STAGES.indexOf(stage) + 1);

const notInEngine = [
  { group: ['astro', 'astro:*', '@astrojs/*'], message: 'The engine in src/triage/ stays free of Astro: the CLI, the worker and the embed run it too.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', '.astro/**', 'public/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      // Unused names are mistakes, except a leading underscore says "deliberately unused".
      // Pastes are full of control characters, and the code that finds and neutralises them must name them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Plain JavaScript run by Node (the Astro config, the CLI launcher); TypeScript files are checked by tsc.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  ...STAGES.map((stage) => ({
    files: [`src/triage/${stage}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LATER(stage).map((later) => ({
              group: [`../${later}/*`, `../${later}`],
              message: `${stage}/ comes before ${later}/ in the pipeline (text → index → match → decide → present): move what is shared to ${stage}/ or earlier.`,
            })),
            { group: ['../engine', '../engine.ts'], message: 'A stage may not import the engine that runs it: put shared limits in src/triage/limits.ts.' },
            ...notInEngine,
          ],
        },
      ],
    },
  })),
  {
    files: ['src/triage/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: notInEngine }] },
  },
);
