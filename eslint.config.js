// typescript-eslint with type-checked rules (docs/STYLE.md §13): floating promises, exhaustive switches, no `any`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Import directions (docs/ARCHITECTURE.md, "Import directions"): platform/core imports nothing of ours;
 * platform/server and platform/web only platform/core; platform/testing only platform/server (and core); a room
 * the platform and the rooms listed here, never in a cycle, and @kechuang/testing in its tests only; the apps
 * anything. A workspace is reached by its package name, never by a relative path into its folder.
 */
const ROOM_DEPENDENCIES = {
  indicators: [],
  eligibility: [],
  carriers: [],
  enterprises: ['indicators', 'eligibility'],
  diagnosis: ['enterprises'],
  evaluation: ['enterprises', 'indicators', 'carriers'],
  market: ['tech-contracts'],
  'tech-contracts': ['enterprises', 'indicators'],
};
const PLATFORM_DEPENDENCIES = { core: [], server: ['platform-core'], web: ['platform-core'], testing: ['platform-core', 'platform-server'] };
const OURS = ['server', 'web', 'testing', 'platform-core', 'platform-server', 'platform-web', ...Object.keys(ROOM_DEPENDENCIES)];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/test/**'];
/** a relative import that climbs into another workspace's folder (`../../../indicators/src/…`) */
const INTO_ANOTHER_WORKSPACE = {
  regex: '^(\\.\\./)+(modules/|platform/|apps/)?[a-z-]+/src/',
  message: 'Import another workspace by its package name (@kechuang/…), not by a path into its folder.',
};

function importDirections(folder, allowed, { testsMayUse = [] } = {}) {
  const rule = (extra) => {
    const forbidden = OURS.filter((p) => !allowed.includes(p) && !extra.includes(p));
    return [
      'error',
      {
        patterns: [
          {
            group: forbidden.flatMap((p) => [`@kechuang/${p}`, `@kechuang/${p}/*`]),
            message: `${folder} may import, of ours, only ${[...allowed, ...extra].map((p) => `@kechuang/${p}`).join(', ') || 'nothing'} (docs/ARCHITECTURE.md, import directions).`,
          },
          INTO_ANOTHER_WORKSPACE,
        ],
      },
    ];
  };
  return [
    { files: [`${folder}/**/*.{ts,tsx,mjs}`], ignores: TEST_FILES.map((g) => `${folder}/${g}`), rules: { 'no-restricted-imports': rule([]) } },
    { files: TEST_FILES.map((g) => `${folder}/${g}`), rules: { 'no-restricted-imports': rule(testsMayUse) } },
  ];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Fastify handlers are async by convention, whether or not they await
      '@typescript-eslint/require-await': 'off',
      // React event handlers may be async; their promise is handled inside
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // tests read JSON answers whose shape is what they assert; `any` there is the point, not a leak
    files: ['**/*.test.ts', '**/test/**/*.ts', 'apps/server/src/test-app.ts', 'platform/testing/src/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  // (a workspace may name itself)
  ...Object.entries(PLATFORM_DEPENDENCIES).flatMap(([name, deps]) =>
    importDirections(`platform/${name}`, [name === 'testing' ? name : `platform-${name}`, ...deps]),
  ),
  ...Object.entries(ROOM_DEPENDENCIES).flatMap(([name, deps]) =>
    importDirections(`modules/${name}`, [name, 'platform-core', 'platform-server', 'platform-web', ...deps], { testsMayUse: ['testing'] }),
  ),
  { files: ['**/*.js', '**/*.mjs', '*.config.ts', '**/vite.config.ts', '**/vitest.config.ts'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { console: 'readonly', process: 'readonly' } } },
);
