/**
 * `.citation-audit.json`: the hand-written check (src/core/config/audit-config.ts) and the shipped JSON Schema
 * (checked with ajv, as an editor or CI would) accept and refuse the same files, at the same places (JSON
 * pointers), on generated configurations (fast-check, seeds 1701–1702, 3,000 runs each); and the messages
 * name the key.
 */
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAuditConfig, readAuditConfig } from "../../../src/core/config/audit-config";
import { ALL_FINDING_KINDS } from "../../../src/core/types";

const schema = JSON.parse(readFileSync(new URL("../../../schemas/citation-audit.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function schemaPointers(data: unknown): string[] {
	if (validate(data)) return [];
	const pointers = (validate.errors ?? []).map((error) => {
		const extra = (error.params as { additionalProperty?: string }).additionalProperty;
		return extra === undefined ? error.instancePath : `${error.instancePath}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`;
	});
	return [...new Set(pointers)].sort();
}

function ourPointers(data: unknown): string[] {
	return [...new Set(checkAuditConfig(data).problems.map((problem) => problem.pointer))].sort();
}

const anyValue = fc.oneof(
	fc.constantFrom<unknown>(true, false, null, 0, 3, "", " ", "error", "warning", "info", "high", "a", "x|y", ",", "|", "@{{citekey}}", "{{key}}", "cite key", "citekey", "a:b", "#tag", [], {}),
	fc.array(fc.constantFrom<unknown>("Sources", "", " ", "year|date", "|", 5, null, "refs.bib"), { maxLength: 3 }),
);
const kindTable = fc.dictionary(fc.constantFrom(...ALL_FINDING_KINDS, "no-such-kind", "Unresolved-Target"), anyValue, { maxKeys: 4 });
const literature = fc.oneof(fc.dictionary(fc.constantFrom("folder", "template", "property", "path"), anyValue, { maxKeys: 3 }), anyValue);
const config = fc.record(
	{
		$schema: fc.oneof(fc.constant("./schemas/citation-audit.schema.json"), anyValue),
		kinds: fc.oneof(kindTable, anyValue),
		severities: fc.oneof(kindTable, anyValue),
		minSeverity: anyValue,
		checkBodyLinks: anyValue,
		ignoredFolders: anyValue,
		requireProperties: anyValue,
		identityProperties: anyValue,
		bibliography: anyValue,
		literatureNotes: literature,
		minseverity: anyValue,
		"ignored/folders": anyValue,
	},
	{ requiredKeys: [] },
);

describe("the check agrees with the JSON Schema", () => {
	it("on generated configurations: the same problems at the same keys", () => {
		fc.assert(fc.property(config, (data) => {
			expect(ourPointers(data)).toEqual(schemaPointers(data));
		}), { seed: 1701, numRuns: 3000 });
	});

	it("on generated mostly-valid configurations (valid values only)", () => {
		const good = fc.record(
			{
				kinds: fc.dictionary(fc.constantFrom(...ALL_FINDING_KINDS), fc.boolean(), { maxKeys: 5 }),
				severities: fc.dictionary(fc.constantFrom(...ALL_FINDING_KINDS), fc.constantFrom("error", "warning", "info"), { maxKeys: 5 }),
				minSeverity: fc.constantFrom("error", "warning", "info"),
				ignoredFolders: fc.array(fc.constantFrom("Templates", "Archive/Old", "a b")),
				literatureNotes: fc.record({ folder: fc.constantFrom("", "Lit"), template: fc.constantFrom("@{{citekey}}", "{{citekey}} notes"), property: fc.constantFrom("citekey", "key name") }, { requiredKeys: [] }),
			},
			{ requiredKeys: [] },
		);
		fc.assert(fc.property(good, (data) => {
			expect(schemaPointers(data)).toEqual([]);
			expect(checkAuditConfig(data).problems).toEqual([]);
		}), { seed: 1702, numRuns: 3000 });
	});

	it("the schema lists exactly the engine's finding kinds", () => {
		const properties = schema.properties as Record<string, { properties: Record<string, unknown> }>;
		expect(Object.keys(properties.kinds.properties).sort()).toEqual([...ALL_FINDING_KINDS].sort());
		expect(Object.keys(properties.severities.properties).sort()).toEqual([...ALL_FINDING_KINDS].sort());
	});
});

describe("what it reads, and its messages", () => {
	it("reads every key", () => {
		const { config, problems } = readAuditConfig(
			JSON.stringify({
				kinds: { "unused-definition": false },
				severities: { "no-vault-link": "warning" },
				minSeverity: "warning",
				checkBodyLinks: false,
				ignoredFolders: ["Templates"],
				requireProperties: ["author", "year|date"],
				identityProperties: ["pmid"],
				bibliography: ["refs.bib"],
				literatureNotes: { folder: "Lit", template: "@{{citekey}}", property: "citekey" },
			}),
		);
		expect(problems).toEqual([]);
		expect(config).toEqual({
			kinds: { "unused-definition": false },
			severities: { "no-vault-link": "warning" },
			minSeverity: "warning",
			checkBodyLinks: false,
			ignoredFolders: ["Templates"],
			requireProperties: ["author", "year|date"],
			identityProperties: ["pmid"],
			bibliography: ["refs.bib"],
			literatureNotes: { folder: "Lit", template: "@{{citekey}}", property: "citekey" },
		});
	});

	it("names the key of each problem and keeps defaults for it, reading the rest", () => {
		const { config, problems } = readAuditConfig('{"minSeverty": "error", "severities": {"unused-definition": "high", "no-vault-link": "error"}, "ignoredFolders": ["A", 3], "checkBodyLinks": false}');
		expect(problems.map((problem) => problem.message)).toEqual([
			expect.stringMatching(/^minSeverty: unknown key/),
			'severities.unused-definition: takes error, warning or info (got "high")',
			"ignoredFolders.1: takes a folder path (got 3)",
		]);
		expect(config).toEqual({ kinds: {}, severities: { "no-vault-link": "error" }, checkBodyLinks: false });
	});

	it("a file that is not JSON, or not an object", () => {
		expect(readAuditConfig("{ kinds: }").problems[0].message).toMatch(/^the file: not valid JSON|^not valid JSON/);
		expect(readAuditConfig("[]").problems.map((problem) => problem.message)).toEqual(["the file: takes an object of settings (got a list)"]);
		expect(readAuditConfig("\uFEFF{}").problems).toEqual([]);
	});
});
