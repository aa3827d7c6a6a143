/**
 * Issue 14's target: a generated 5 MB `.bib` of 10,000 entries (Better BibTeX style: accents, braces, a
 * `@string` macro, DOIs, URLs, abstracts) loads in ≤ 300 ms. Measured through the same function the command
 * line and the plugin call (`parseBibliography`), warm, median of several runs.
 */
import { parse as parseYaml } from "yaml";
import { parseBibliography } from "../src/core/index";
import { measure, type Timing } from "./measure";

export const BIB_TARGET_MS = 300;

export interface BibliographyLoad {
	bytes: number;
	entries: number;
	timing: Timing;
}

/** About `targetBytes` of BibTeX in `count` entries, deterministic. */
export function generateBib(count: number, targetBytes: number): string {
	const parts = ['@string{jrnl = "Journal of Imaginary Orchards"}\n'];
	const filler = "Soil, water and light over several seasons, in words written for this benchmark alone. ";
	const base = (index: number) =>
		`@article{author${index}Orchard${1950 + (index % 70)},\n` +
		`  title = {A {Study} of Orchard Number ${index}: Kernels and Roots},\n` +
		`  author = {M{\\"u}ller, J{\\"o}rg and Dvořák, Zdeňka and {van der Berg}, Anneke},\n` +
		`  journaltitle = jrnl,\n  date = {${1950 + (index % 70)}-03-14},\n  volume = {${index % 40}}, pages = {${index}--${index + 20}},\n` +
		`  doi = {10.5555/orchard.${index}},\n  url = {https://example.org/orchard/${index}},\n`;
	const baseBytes = Buffer.byteLength(base(5000)) + 20;
	const abstractChars = Math.max(0, Math.round(targetBytes / count - baseBytes));
	const abstract = filler.repeat(Math.ceil(abstractChars / filler.length)).slice(0, abstractChars);
	for (let index = 0; index < count; index++) parts.push(`${base(index)}  abstract = {${abstract}},\n}\n\n`);
	return parts.join("");
}

export function measureBibliographyLoad(): BibliographyLoad {
	const text = generateBib(10_000, 5 * 1024 * 1024);
	let entries = 0;
	const timing = measure(() => {
		const parsed = parseBibliography("library.bib", text, parseYaml);
		entries = parsed.entries.length;
		return parsed;
	}, { warmup: 2, runs: 7, budgetMs: 8000 });
	return { bytes: Buffer.byteLength(text), entries, timing };
}
