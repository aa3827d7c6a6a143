/**
 * Colours for the text report, as eslint's stylish formatter uses them: errors red, warnings yellow, info
 * blue, locations and kind tags dim, the summary red, yellow or green by the worst severity in it.
 *
 * Colour only when the report goes to a terminal: `--no-color` and the NO_COLOR convention (https://no-color.org:
 * set and not empty) turn it off; `--color` turns it on anywhere, even over NO_COLOR (a flag wins over the
 * environment). Pipes and files never get escape sequences unless asked for.
 */
import type { TextStyle } from "../core/report/text-report";

const SGR = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const red = SGR("31");
const yellow = SGR("33");
const blue = SGR("34");
const green = SGR("32");
const dim = SGR("2");
const bold = (paint: (text: string) => string) => (text: string) => paint(`\u001b[1m${text}`);

export const COLOUR_STYLE: TextStyle = {
	severity: (severity, text) => (severity === "error" ? red : severity === "warning" ? yellow : blue)(text),
	dim,
	summary: (summary, text) => bold(summary.error > 0 ? red : summary.warning > 0 ? yellow : green)(text),
};

export interface ColourContext {
	/** `--color` (true), `--no-color` (false), or neither. */
	flag: boolean | undefined;
	stdoutIsTerminal: boolean;
	env: Readonly<Record<string, string | undefined>>;
}

export function wantsColour({ flag, stdoutIsTerminal, env }: ColourContext): boolean {
	if (flag !== undefined) return flag;
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
	// A terminal that declares it cannot show escape sequences (as supports-color reads TERM).
	if (env.TERM === "dumb") return false;
	return stdoutIsTerminal;
}
