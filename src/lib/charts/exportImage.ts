/** Serialises a chart's SVG as a standalone file, with the current theme's colours baked in. */
export function svgMarkup(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const style = getComputedStyle(svg);
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute(
		'style',
		`background:${getComputedStyle(document.body).backgroundColor};color:${style.color}`
	);
	clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
	return new XMLSerializer().serializeToString(clone).replaceAll('currentColor', style.color);
}

/** Renders a chart's SVG to PNG bytes at twice its size. */
export async function pngBlob(svg: SVGSVGElement): Promise<Blob> {
	const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
	const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
	const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * 2);
		canvas.height = Math.ceil(height * 2);
		const context = canvas.getContext('2d')!;
		context.fillStyle = getComputedStyle(document.body).backgroundColor;
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.scale(2, 2);
		context.drawImage(image, 0, 0, width, height);
		return await new Promise((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG impossible'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
