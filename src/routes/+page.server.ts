import type { MapArea } from '$lib/model/rows';
import { prerenderRows, prerenderSvg } from '$lib/server/prerender';
import { demoCube } from '$lib/server/cube';
import { franceMapChart } from '$lib/charts/franceMap';
import type { PageServerLoad } from './$types';
import { DEFAULT_MAP, mapModelOptions, mapSpec } from './mapSpecs';

// The other views of the home page render from the cube; the map's default view is computed and
// drawn at build time on the demo data (dated by the data, as the page is).
export const load: PageServerLoad = async () => {
	const today = (await demoCube()).date;
	const map = await prerenderRows<MapArea>(mapSpec(DEFAULT_MAP, today));
	return {
		build: {
			map: {
				rows: map,
				svg: prerenderSvg(map.key, (document) =>
					franceMapChart(map.rows, { ...mapModelOptions(DEFAULT_MAP), document })
				)
			}
		}
	};
};
