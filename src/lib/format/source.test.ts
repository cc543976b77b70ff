import { describe, expect, it } from 'vitest';
import { exportSourceLine, sourceCaption } from '.';

describe('the source line of an exported chart', () => {
	const source = sourceCaption('demo', 42);

	it('carries the data’s own date, then the day of the export', () => {
		expect(exportSourceLine({ source, dataDate: '2026-11-15', importedAt: null, today: '2026-12-03' })).toBe(
			`${source} Données à jour au 15 novembre 2026. Exporté le 3 décembre 2026.`
		);
	});

	it('says when imported data were imported, beside their own date', () => {
		const line = exportSourceLine({
			source: sourceCaption('imported', 4),
			dataDate: '2025-06-30',
			importedAt: '2026-12-01T09:30:00.000Z',
			today: '2026-12-03T10:00:00.000Z'
		});
		expect(line).toContain('Données à jour au 30 juin 2025.');
		expect(line).toContain('Importées le 1er décembre 2026.');
		expect(line.indexOf('30 juin 2025')).toBeLessThan(line.indexOf('Importées'));
	});

	it('leaves the data’s date out while it is unknown, never inventing one', () => {
		const line = exportSourceLine({ source, dataDate: null, importedAt: null, today: '2026-12-03' });
		expect(line).toBe(`${source} Exporté le 3 décembre 2026.`);
		expect(line).not.toContain('à jour');
	});
});
