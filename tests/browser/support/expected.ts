/**
 * What the panel should show for a list of findings, written out here independently of panel-model.ts:
 * the sections in display order, the finding kinds each one holds, and the text of a row.
 */
import type { Finding, FindingKind } from "../../../src/core/types";

export const EXPECTED_SECTIONS: readonly { title: string; kinds: readonly FindingKind[] }[] = [
	{ title: "Unresolved", kinds: ["unresolved-target"] },
	{ title: "Duplicate sources", kinds: ["duplicate-source"] },
	{ title: "Undefined", kinds: ["undefined-reference"] },
	{ title: "Unused", kinds: ["unused-definition"] },
	{ title: "Duplicate labels", kinds: ["duplicate-label"] },
	{ title: "Malformed", kinds: ["malformed-link"] },
	{ title: "Missing headings/blocks", kinds: ["missing-subpath"] },
	{ title: "Ambiguous", kinds: ["ambiguous-target"] },
	{ title: "Body links", kinds: ["unresolved-link"] },
	{ title: "Non-vault sources", kinds: ["no-vault-link"] },
	{ title: "Unused ignore markers", kinds: ["unused-ignore"] },
];

export interface ExpectedSection {
	title: string;
	findings: Finding[];
}

/** Non-empty sections in display order, each with its findings in audit (offset) order. */
export function expectedSections(findings: readonly Finding[]): ExpectedSection[] {
	for (const finding of findings) {
		if (!EXPECTED_SECTIONS.some((section) => section.kinds.includes(finding.kind))) {
			throw new Error(`The test's section table has no section for finding kind "${finding.kind}"`);
		}
	}
	return EXPECTED_SECTIONS.map((section) => ({
		title: section.title,
		findings: findings.filter((finding) => section.kinds.includes(finding.kind)),
	})).filter((section) => section.findings.length > 0);
}

/** Every finding in the order the panel lists its rows. */
export function expectedRowOrder(findings: readonly Finding[]): Finding[] {
	return expectedSections(findings).flatMap((section) => section.findings);
}


/** A section whose findings are all info starts collapsed (the panel's noise control). */
export function startsCollapsed(section: ExpectedSection): boolean {
	return section.findings.every((finding) => finding.severity === "info");
}

/** The rows a keyboard reaches before the writer opens a collapsed section, in panel order. */
export function expectedOpenRowOrder(findings: readonly Finding[]): Finding[] {
	return expectedSections(findings).filter((section) => !startsCollapsed(section)).flatMap((section) => section.findings);
}
