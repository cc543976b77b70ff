/** Where an import stands, for the progress bar: `done` of `total`, in rows (bytes while reading). */
export type ImportProgress = {
	stage: 'read' | 'load' | 'check';
	/** The file being worked on. */
	file: string;
	/** Rows read (reading), or rows loaded plus rows checked (validation). */
	rows: number;
	done: number;
	total: number;
};

/** A statement naming a file's staging relation: `staging_<batch>_<file>_<suffix>`. */
const STAGING = /staging_\d+_(\d+)(_[a-z_]+)?/;

/**
 * Follows a validation from the statements it runs (see `ImportDatabase.onStatement`): the
 * validator loads every file, then checks every file, and names each file's staging relations after
 * its position. A step is done when the next one starts. Progress counts rows: a file's rows once
 * loaded, and once more when checked.
 */
export class ValidationProgress {
	#step = -1;
	readonly #files: readonly { name: string; rows: number }[];
	readonly #onChange: (progress: ImportProgress) => void;

	constructor(
		files: readonly { name: string; rows: number }[],
		onChange: (progress: ImportProgress) => void
	) {
		this.#files = files;
		this.#onChange = onChange;
	}

	get #total() {
		return 2 * this.#files.reduce((sum, f) => sum + f.rows, 0);
	}

	/** Rows done once the steps before `step` are: loads are steps 0…n-1, checks n…2n-1. */
	#done(step: number) {
		let done = 0;
		for (let s = 0; s < step; s++) done += this.#files[s % this.#files.length].rows;
		return done;
	}

	#report(step: number) {
		const n = this.#files.length;
		const file = this.#files[Math.min(step, 2 * n - 1) % n];
		this.#onChange({
			stage: step < n ? 'load' : 'check',
			file: file.name,
			rows: file.rows,
			done: this.#done(step),
			total: this.#total
		});
	}

	/** Notes a statement the validator is about to run. */
	statement(sql: string): void {
		const match = STAGING.exec(sql);
		if (!match) return;
		const index = Number(match[1]) - 1;
		if (index < 0 || index >= this.#files.length) return;
		const checking = match[2] === '_issues' || this.#step >= this.#files.length;
		const step = checking ? this.#files.length + index : index;
		if (step <= this.#step) return;
		this.#step = step;
		this.#report(step);
	}

	/** Marks every step done (the validator returned). */
	finish(): void {
		const n = this.#files.length;
		if (n === 0) return;
		this.#step = 2 * n;
		const last = this.#files[n - 1];
		this.#onChange({
			stage: 'check',
			file: last.name,
			rows: last.rows,
			done: this.#total,
			total: this.#total
		});
	}
}
