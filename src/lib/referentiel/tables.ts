import { createTableFromRows } from '../db/loadRows';
import type { Database } from '../db/types';
import { chapters, criteria, scale, shortLabel } from './index';

/**
 * Loads the référentiel into DuckDB as `chapters`, `sections`, `criteria`, `elements` and
 * `scale_levels`, so queries join on them instead of hard-coding titles or order.
 */
export async function loadReferentielTables(db: Database): Promise<void> {
	await createTableFromRows(
		db,
		'chapters',
		[
			['chapter_id', 'VARCHAR'],
			['title', 'VARCHAR'],
			['short_label', 'VARCHAR'],
			['position', 'INTEGER']
		],
		chapters.map((c, i) => [c.id, c.title, shortLabel(c.id), i + 1])
	);
	await createTableFromRows(
		db,
		'sections',
		[
			['section_id', 'VARCHAR'],
			['chapter_id', 'VARCHAR'],
			['title', 'VARCHAR'],
			['short_label', 'VARCHAR'],
			['position', 'INTEGER']
		],
		chapters
			.flatMap((c) => c.sections)
			.map((s, i) => [s.id, s.id.split('.')[0], s.title, shortLabel(s.id), i + 1])
	);
	await createTableFromRows(
		db,
		'criteria',
		[
			['criterion_id', 'VARCHAR'],
			['chapter_id', 'VARCHAR'],
			['section_id', 'VARCHAR'],
			['title', 'VARCHAR'],
			['short_label', 'VARCHAR'],
			['position', 'INTEGER']
		],
		criteria.map((c) => [c.id, c.chapter.id, c.section?.id ?? null, c.title, c.shortLabel, c.position])
	);
	await createTableFromRows(
		db,
		'elements',
		[
			['element_id', 'VARCHAR'],
			['criterion_id', 'VARCHAR'],
			['text', 'VARCHAR'],
			['position', 'INTEGER']
		],
		criteria.flatMap((c) => c.elements.map((e, i) => [e.id, c.id, e.text, i + 1]))
	);
	await createTableFromRows(
		db,
		'scale_levels',
		[
			['level', 'INTEGER'],
			['label', 'VARCHAR'],
			['description', 'VARCHAR']
		],
		scale.levels.map((l) => [l.level, l.label, l.description])
	);
}
