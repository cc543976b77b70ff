import { describe, expect, it } from 'vitest';
import { RULE_CODES, message, type Finding } from './rules';

/** An ordinary or no-break space where French typography wants a narrow one. */
const BAD_SPACING = /[ \u00a0][:;?!»]|«[^\u202f]|[^\u202f]»/;

const finding = (rule: Finding['rule'], value: string): Finding => ({
	rule,
	line: 3,
	column: 'ml_id',
	value,
	detail: rule === 'table-inconnue' ? 'evaluations, labellisation' : 'Expected Number of Columns: 4 Found: 2',
	spec: { name: 'ml_id', type: 'ml_id', required: true } as Finding['spec']
});

describe('validator messages', () => {
	it('follow French typography in every rule: narrow no-break spaces before « : ; ? ! » and inside « »', () => {
		for (const rule of RULE_CODES) {
			const text = message(finding(rule, 'ML-75-01'));
			expect(text, rule).not.toMatch(BAD_SPACING);
		}
	});

	it('quote the value exactly as the user wrote it, spaces included', () => {
		const text = message(finding('type-invalide', 'a : b ; « c »'));
		expect(text).toContain('«\u202fa : b ; « c »\u202f»');
	});
});
