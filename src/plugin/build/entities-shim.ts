/**
 * Stands in for the `entities` package inside the plugin bundle only (see esbuild.config.mjs).
 *
 * Why: markdown-it imports `entities` for two things this plugin never reads — the destination of a link
 * reference definition (`[a]: <url>`) and inline entity tokens — and the package's decode tables are 75 KB
 * of the 190 KB bundle. The engine runs markdown-it's block rules only and takes every string it reports
 * from the source text itself, so findings are identical with or without full entity decoding (the command
 * line bundles the real package; tests/plugin/bundle.test.ts compares the two on the example vault).
 *
 * Numeric references and the XML entities are still decoded correctly; any other named entity is kept
 * as written.
 */
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeHTML(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
		if (body.startsWith("#")) {
			const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
		}
		return NAMED[body] ?? whole;
	});
}

export const decodeHTMLStrict = decodeHTML;
