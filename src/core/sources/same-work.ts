/**
 * One work under two notes: `Yuan-2015.md` and `yuanInhibitingHistoneDeacetylase2015.md` with the same DOI.
 * Groups the notes an essay cites by the work they identify, in order of first citation, remembering why
 * each later note joined ("same DOI 10.1234/abc" as the first).
 *
 * Two notes are the same work when they share an identifier, unless both carry DOIs and none is shared:
 * the chapters of one book share its ISBN (and often its URL) but each has its own DOI.
 */
import type { WorkIdentifier } from "./identity";

export interface WorkMatch {
	/** The note that joined. */
	path: string;
	/** A note already in the work with the same identifier. */
	sameAs: string;
	identifier: WorkIdentifier;
}

export interface SourceWork {
	/** Notes in order of first citation; at least two. */
	paths: string[];
	/** Why each note after the first belongs: one entry per later note, in the same order. */
	matches: WorkMatch[];
}

export interface SourceWorks {
	works: SourceWork[];
	/** Index into `works` for each note that shares its work with another cited note. */
	workOf: ReadonlyMap<string, number>;
}

export const NO_WORKS: SourceWorks = { works: [], workOf: new Map() };

interface Cluster {
	paths: string[];
	matches: WorkMatch[];
	dois: Set<string>;
}

/** `paths`: the cited notes, distinct, in order of first citation. Linear in the number of identifiers. */
export function groupSameWorks(paths: readonly string[], identifiersOf: (path: string) => readonly WorkIdentifier[]): SourceWorks {
	const clusters: Cluster[] = [];
	/** `kind\0value` → clusters holding it, and which of their notes. */
	const byIdentifier = new Map<string, { cluster: number; path: string }[]>();
	for (const path of paths) {
		const identifiers = identifiersOf(path);
		if (identifiers.length === 0) continue;
		const dois = new Set(identifiers.filter((identifier) => identifier.kind === "doi").map((identifier) => identifier.value));
		let joined: { cluster: number; match: WorkMatch } | null = null;
		for (const identifier of identifiers) {
			for (const holder of byIdentifier.get(keyOf(identifier)) ?? []) {
				if (!compatible(clusters[holder.cluster].dois, dois)) continue;
				joined = { cluster: holder.cluster, match: { path, sameAs: holder.path, identifier } };
				break;
			}
			if (joined) break;
		}
		let index: number;
		if (joined) {
			index = joined.cluster;
			clusters[index].paths.push(path);
			clusters[index].matches.push(joined.match);
			for (const doi of dois) clusters[index].dois.add(doi);
		} else {
			index = clusters.push({ paths: [path], matches: [], dois }) - 1;
		}
		for (const identifier of identifiers) {
			const key = keyOf(identifier);
			const holders = byIdentifier.get(key);
			if (!holders) byIdentifier.set(key, [{ cluster: index, path }]);
			else if (!holders.some((holder) => holder.cluster === index)) holders.push({ cluster: index, path });
		}
	}
	const works: SourceWork[] = [];
	const workOf = new Map<string, number>();
	for (const cluster of clusters) {
		if (cluster.paths.length < 2) continue;
		for (const path of cluster.paths) workOf.set(path, works.length);
		works.push({ paths: cluster.paths, matches: cluster.matches });
	}
	return { works, workOf };
}

/** Different DOIs on both sides mean different works, whatever else they share. */
function compatible(held: ReadonlySet<string>, dois: ReadonlySet<string>): boolean {
	if (held.size === 0 || dois.size === 0) return true;
	for (const doi of dois) if (held.has(doi)) return true;
	return false;
}

function keyOf(identifier: WorkIdentifier): string {
	return `${identifier.kind}\u0000${identifier.value}`;
}
