import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const FRAMEWORKS = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'react',
  'react-dom',
  'react-*',
  'antd',
  '@ant-design/*',
  'fastify',
  '@fastify/*',
  'class-validator',
  'class-transformer',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // Cross-app scenarios start the real API through its testing entry point.
          allow: ['@chaping/api/testing'],
          depConstraints: [
            {
              sourceTag: 'scope:domain',
              onlyDependOnLibsWithTags: ['scope:domain'],
              bannedExternalImports: FRAMEWORKS,
            },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:domain'] },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg'],
            },
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:domain', 'scope:api', 'scope:web'] },
          ],
        },
      ],
    },
  },
);
