import { describe, expect, it } from 'vitest';
import { formatSqlValue } from './sqlValue';

describe('formatSqlValue', () => {
	it('shows dates and timestamps as French dates, not epoch milliseconds', () => {
		expect(formatSqlValue('2025-12-31', 'DATE')).toBe('31/12/2025');
		expect(formatSqlValue('2025-12-31 14:03:05', 'TIMESTAMP')).toBe('31/12/2025 14:03:05');
		expect(formatSqlValue('2025-12-31 14:03:05', 'TIMESTAMP WITH TIME ZONE')).toBe('31/12/2025 14:03:05');
	});

	it('writes numbers with a decimal comma, grouped thousands and a true minus', () => {
		expect(formatSqlValue(97.4, 'DECIMAL(3,1)')).toBe('97,4');
		expect(formatSqlValue(1234567.891, 'DOUBLE')).toBe('1\u00a0234\u00a0567,891');
		expect(formatSqlValue(-2.5, 'DOUBLE')).toBe('−2,5');
		expect(formatSqlValue(437, 'BIGINT')).toBe('437');
	});

	it('leaves text as it is and empty values empty', () => {
		expect(formatSqlValue('2025-12-31', 'VARCHAR')).toBe('2025-12-31');
		expect(formatSqlValue('1.5', 'VARCHAR')).toBe('1.5');
		expect(formatSqlValue(null, 'DATE')).toBe('');
		expect(formatSqlValue(true, 'BOOLEAN')).toBe('true');
	});
});
