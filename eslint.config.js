import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// French typography puts narrow no-break spaces (U+202F) before « : ; ? ! » and inside « » in UI
		// text, strings and templates (tests/french.e2e.ts checks the pages); elsewhere they stay errors.
		rules: {
			'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }]
		}
	},
	{ files: ['**/*.svelte'], rules: { 'no-irregular-whitespace': 'off' } },
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// End-to-end specs take test and expect from tests/fixture.ts, so that E2E_CPU_THROTTLE and
		// E2E_LATENCY (the way races are shown) reach every one of them.
		files: ['tests/**/*.e2e.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							message: 'Import test and expect from ./fixture (tests/fixture.ts).',
							allowTypeImports: true
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'.scratch/',
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'static/demo/',
			'test-results/',
			'playwright-report/',
			'reports/',
			'.stryker-tmp/'
		]
	}
);
