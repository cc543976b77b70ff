import { capTexts } from './capText';

/**
 * Makes a Plot SVG valid for assistive technologies. Plot labels its `<g>` groups with
 * `aria-label` but gives them no role, which ARIA forbids; the group labels say nothing useful
 * ("rule", "line"), so they go. A chart without focusable cells becomes one image with the
 * chart's name (its numbers are in the table alternative beside it). No label or tooltip from the
 * data may be longer than `CHART_TEXT_CAP`.
 */
export function accessibleSvg<T extends Element>(svg: T, label: string | null = null): T {
	svg.querySelectorAll('g[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
	capTexts(svg);
	if (label !== null) {
		svg.setAttribute('role', 'img');
		svg.setAttribute('aria-label', label);
	}
	return svg;
}
