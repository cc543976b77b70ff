import { describe, expect, it } from 'vitest';
import { EngineStopped, Lifeline } from './lifeline';

const never = () => new Promise<never>(() => {});
const crash = (worker: EventTarget, message = 'RangeError: out of memory') =>
	worker.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));

describe('a worker’s lifeline after its start', () => {
	it('fails the requests under way at once, in French, when the worker crashes', async () => {
		const worker = new EventTarget();
		const stops: EngineStopped[] = [];
		const life = new Lifeline(worker, 'le moteur de calcul s’est arrêté', (e) => stops.push(e));
		const pending = [life.run(never), life.run(never)];
		crash(worker);
		for (const p of pending)
			await expect(p).rejects.toThrow('le moteur de calcul s’est arrêté\u202f: RangeError: out of memory');
		expect(stops).toHaveLength(1);
		expect(life.stopped).toBeInstanceOf(EngineStopped);
	});

	it('fails every later request at once, without running it', async () => {
		const worker = new EventTarget();
		const life = new Lifeline(worker, 'arrêté');
		crash(worker);
		let ran = false;
		await expect(
			life.run(async () => {
				ran = true;
			})
		).rejects.toBeInstanceOf(EngineStopped);
		expect(ran).toBe(false);
	});

	it('stops once only, on the first failure', async () => {
		const worker = new EventTarget();
		const stops: string[] = [];
		const life = new Lifeline(worker, 'arrêté', (e) => stops.push(e.message));
		crash(worker, 'premier');
		crash(worker, 'second');
		worker.dispatchEvent(new Event('messageerror'));
		expect(stops).toEqual(['arrêté\u202f: premier']);
		expect(life.stopped?.why).toBe('premier');
	});

	it('stops on a trap of the WebAssembly code, and not on DuckDB’s own errors', async () => {
		const life = new Lifeline(new EventTarget(), 'arrêté');
		await expect(
			life.run(() => Promise.reject(new Error('Out of Memory Error: failed to allocate')))
		).rejects.toThrow(/^Out of Memory Error/);
		await expect(life.run(() => Promise.reject(new Error('Binder Error: no column')))).rejects.toThrow(
			/^Binder/
		);
		expect(life.stopped).toBeNull();
		await expect(
			life.run(() => Promise.reject(new Error('RuntimeError: memory access out of bounds')))
		).rejects.toBeInstanceOf(EngineStopped);
		await expect(life.run(async () => 1)).rejects.toThrow(
			'arrêté\u202f: RuntimeError: memory access out of bounds'
		);
	});

	it('answers as the request does while the worker runs, and cancels the error event’s default', async () => {
		const worker = new EventTarget();
		const life = new Lifeline(worker, 'arrêté');
		await expect(life.run(async () => 42)).resolves.toBe(42);
		const event = Object.assign(new Event('error', { cancelable: true }), { message: 'x' });
		worker.dispatchEvent(event);
		expect(event.defaultPrevented).toBe(true);
	});
});
