// The desktop and mobile adapters of obsidian.d.ts. The double's vault always uses the
// in-memory adapter, so these classes exist only so that `adapter instanceof
// FileSystemAdapter` is valid (and false); constructing them is an error.

function unavailable(name: string): Error {
	return new Error(`${name} is not available in the obsidian test double (the vault is in memory)`);
}

export class FileSystemAdapter {
	constructor() {
		throw unavailable("FileSystemAdapter");
	}
}

export class CapacitorAdapter {
	constructor() {
		throw unavailable("CapacitorAdapter");
	}
}
