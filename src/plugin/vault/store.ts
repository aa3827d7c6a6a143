/** A value that tells its subscribers when it changes: the vault mode's state, shared by the commands and the view. */
export class Store<T> {
	private readonly listeners = new Set<(value: T) => void>();

	constructor(private state: T) {}

	get value(): T {
		return this.state;
	}

	set(value: T): void {
		this.state = value;
		for (const listener of [...this.listeners]) listener(value);
	}

	/** Calls `listener` now and on every change; returns the function that unsubscribes it. */
	subscribe(listener: (value: T) => void): () => void {
		this.listeners.add(listener);
		listener(this.state);
		return () => {
			this.listeners.delete(listener);
		};
	}

	/** Subscribers still attached (lets tests prove a closed view left nothing behind). */
	get listenerCount(): number {
		return this.listeners.size;
	}
}
