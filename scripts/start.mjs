// `npm start`: audits the bundled example vault with the freshly built command line and explains the result.
// The example vault has deliberate problems, so the command line exits with 1 (errors found); npm start
// itself succeeds, since showing that report is its whole job.
// The citation-key sources of the example vault are passed as options: one bibliography for every note (CSL-YAML),
// the literature-note folder and the property that names a literature note's key. Arguments after
// `npm start --` are added after them.
import { spawnSync } from "node:child_process";

const EXAMPLE_OPTIONS = [
	"--bibliography",
	"examples/vault/Bibliography/conference.yaml",
	"--literature-folder",
	"Literature",
	"--citekey-property",
	"citekey",
];

const run = spawnSync(process.execPath, ["dist/cli.cjs", "examples/vault", ...EXAMPLE_OPTIONS, ...process.argv.slice(2)], { stdio: "inherit" });
if (run.error) {
	console.error(`npm start: could not run the command line: ${run.error.message}`);
	process.exit(2);
}
if (run.status === 1) {
	console.log("\n(citation-audit exited with status 1: errors found, as planted in the example vault.)");
} else if (run.status !== 0) {
	process.exit(run.status ?? 2);
}
