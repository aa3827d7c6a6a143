/**
 * A hand-made evaluation set for "did you mean": an invented vault (names, folders and properties made up
 * for this file) and links a writer could have written, each with the note they meant, or null when no note
 * in the vault is meant and the right answer is silence. Patterns follow issue 17's list.
 */

export const EVAL_PATHS: readonly string[] = [
	// Sources named by title
	"Sources/The Expanding Dark Forest.md",
	"Sources/Paper Summary.md",
	"Sources/How to Take Smart Notes.md",
	"Sources/Thinking in Systems.md",
	"Sources/The Mythical Man-Month.md",
	"Sources/Seeing Like a State.md",
	"Sources/Why Software Projects Fail.md",
	"Sources/Memory Palaces and Spaced Repetition.md",
	"Sources/Garbage Collection Pauses.md",
	"Sources/Design Patterns for Distributed Systems.md",
	"Sources/The Cathedral and the Bazaar.md",
	"Sources/Working in Public - The Making and Maintenance of Open Source Software.md",
	"Sources/Deep Work - Rules for Focused Success.md",
	"Sources/Café Culture in Vienna.md",
	"Sources/Éléments de typographie.md",
	"Sources/Zürich Urban Planning.md",
	"Sources/Ownership Types.md",
	"Sources/Lambda Calculus Notes.md",
	"Sources/Category Theory Lectures.md",
	"Sources/Research Methods.md",
	"Sources/Interview Transcripts.md",
	"Sources/Gardens of Knowledge.md",
	"Sources/Compiler Optimisations.md",
	"Sources/Quarterly Budget Review.md",
	// Citekey-named literature notes (Zotero style) and author-year notes
	"Literature/okaforMangroveCarbonStocks2019.md",
	"Literature/lindqvistPermafrostThawFeedbacks2021.md",
	"Literature/haddadUrbanHeatIslands2017.md",
	"Literature/moreauSoilMicrobiomeDiversity2020.md",
	"Literature/tanakaCoralBleachingThresholds2016.md",
	"Literature/Brennan-2018.md",
	"Literature/Castellanos et al. 2022.md",
	"Literature/Ivanova 2014.md",
	// camel / kebab / snake names
	"Notes/spaced-repetition-schedules.md",
	"Notes/attention_residue_effect.md",
	"Notes/ZettelkastenMethodOverview.md",
	"Notes/reading-list-2023.md",
	"Notes/weekly_review_template.md",
	// Notes with properties (see EVAL_PROPERTIES)
	"Sources/Grant notes.md",
	"Sources/Reading notes 41.md",
	"Sources/Kestrel paper.md",
	"Sources/Interview with M.md",
	// Physics notes with meaningful prefixes
	"Physics/NLO impulse SQED.md",
	"Physics/Feynman Rules QED.md",
	"Physics/Renormalisation Group Flow.md",
	// Numbered and dated notes
	"Notes/Lecture 5 - Entropy.md",
	"Notes/Chapter 12 Summary.md",
	"Notes/Sprint 14 retrospective.md",
	"Notes/ISO 8601 cheatsheet.md",
	"Daily/2024-03-14.md",
	"Daily/2024-03-15.md",
	"Daily/2023-11-02.md",
	"Journal/2024-W11.md",
	// Words near other words
	"Notes/depression.md",
	"Notes/Impression Management.md",
	"Notes/Cats.md",
	"Notes/Statistics.md",
	"Notes/Market Analysis.md",
	// Attachments
	"Attachments/mangrove-survey-map.png",
	"Attachments/Kestrel flight data.csv",
	"Attachments/Interview audio.m4a",
	"Attachments/paper-summary.pdf",
	"Attachments/Forest diagram.svg",
	// Essays that hold links
	"Essays/Climate essay.md",
	"Essays/Tools essay.md",
	// Same name in two folders (the link's folder ranks)
	"Projects/Alpha/Meeting Notes.md",
	"Projects/Beta/Meeting Notes.md",
	"Archive/Old Drafts/Essay Outline.md",
];

export const EVAL_PROPERTIES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
	"Sources/Grant notes.md": { aliases: ["Funding application 2025 draft"], title: "Notes on the grant" },
	"Sources/Reading notes 41.md": { title: "Attention Is a Scarce Resource" },
	"Sources/Kestrel paper.md": { author: ["Nakamura, Hiro", "Olsen, Kari"], year: 2012, title: "Hovering Flight in Kestrels: A Wind Tunnel Study" },
	"Sources/Interview with M.md": { aliases: ["Conversation with Marta", "Marta interview"], author: "[[Marta Quispe]]", date: "2019-06-02" },
	"Sources/The Mythical Man-Month.md": { author: "Frederick Brooks", year: "1975" },
	"Literature/okaforMangroveCarbonStocks2019.md": { author: "Okafor, Ngozi", year: 2019, title: "Mangrove carbon stocks along the Niger Delta" },
};

export type Pattern =
	| "typo"
	| "plural"
	| "punctuation"
	| "case-spacing"
	| "word-order"
	| "split-words"
	| "subtitle"
	| "accents"
	| "at-prefix"
	| "moved-folder"
	| "author-year"
	| "citekey-to-author-year"
	| "alias"
	| "title-property"
	| "author-year-property"
	| "attachment"
	| "folder-rank"
	| "silent-unrelated"
	| "silent-prefix"
	| "silent-number"
	| "silent-date"
	| "silent-near-word"
	| "silent-kind"
	| "silent-self";

export interface EvalCase {
	link: string;
	/** The note the link holds. */
	source: string;
	/** The intended file, or null when silence is right. */
	expected: string | null;
	pattern: Pattern;
}

const C = "Essays/Climate essay.md";
const T = "Essays/Tools essay.md";
const c = (link: string, expected: string | null, pattern: Pattern, source = T): EvalCase => ({ link, source, expected, pattern });

export const EVAL_CASES: readonly EvalCase[] = [
	c("Teh Expanding Dark Forest", "Sources/The Expanding Dark Forest.md", "typo"),
	c("How to Take Smart Ntoes", "Sources/How to Take Smart Notes.md", "typo"),
	c("Thinking in Sytems", "Sources/Thinking in Systems.md", "typo"),
	c("Seeing Like a Sate", "Sources/Seeing Like a State.md", "typo"),
	c("Why Sofware Projects Fail", "Sources/Why Software Projects Fail.md", "typo"),
	c("Garbage Colection Pauses", "Sources/Garbage Collection Pauses.md", "typo"),
	c("Compiler Optimizations", "Sources/Compiler Optimisations.md", "typo"),
	c("Quartely Budget Review", "Sources/Quarterly Budget Review.md", "typo"),
	c("Research Method", "Sources/Research Methods.md", "plural"),
	c("Interview Transcript", "Sources/Interview Transcripts.md", "plural"),
	c("Garden of Knowledge", "Sources/Gardens of Knowledge.md", "plural"),
	c("Ownership Type", "Sources/Ownership Types.md", "plural"),
	c("Category Theory Lecture", "Sources/Category Theory Lectures.md", "plural"),
	c("Design Pattern for Distributed System", "Sources/Design Patterns for Distributed Systems.md", "plural"),
	c("Lambda Calculus Note", "Sources/Lambda Calculus Notes.md", "plural"),
	c("Memory Palace and Spaced Repetitions", "Sources/Memory Palaces and Spaced Repetition.md", "plural"),
	c("The Mythical Man Month", "Sources/The Mythical Man-Month.md", "punctuation"),
	c("The Mythical Man–Month!", "Sources/The Mythical Man-Month.md", "punctuation"),
	c("Why Software Projects Fail?", "Sources/Why Software Projects Fail.md", "punctuation"),
	c("Seeing Like a State.", "Sources/Seeing Like a State.md", "punctuation"),
	c("Thinking-in-Systems", "Sources/Thinking in Systems.md", "punctuation"),
	c("the cathedral and the bazaar", "Sources/The Cathedral and the Bazaar.md", "case-spacing"),
	c("THINKING IN  SYSTEMS", "Sources/Thinking in Systems.md", "case-spacing"),
	c("paper summary", "Sources/Paper Summary.md", "case-spacing"),
	c("Darkforest Expanding The", "Sources/The Expanding Dark Forest.md", "case-spacing"),
	c("Systems, Thinking in", "Sources/Thinking in Systems.md", "word-order"),
	c("Bazaar and the Cathedral", "Sources/The Cathedral and the Bazaar.md", "word-order"),
	c("Summary of Paper", "Sources/Paper Summary.md", "word-order"),
	c("Budget Review Quarterly", "Sources/Quarterly Budget Review.md", "word-order"),
	c("Smart Notes, How to Take", "Sources/How to Take Smart Notes.md", "word-order"),
	c("spacedRepetitionSchedules", "Notes/spaced-repetition-schedules.md", "split-words"),
	c("spaced_repetition_schedule", "Notes/spaced-repetition-schedules.md", "split-words"),
	c("Attention Residue Effect", "Notes/attention_residue_effect.md", "split-words"),
	c("attention-residue-effect", "Notes/attention_residue_effect.md", "split-words"),
	c("Zettelkasten Method Overview", "Notes/ZettelkastenMethodOverview.md", "split-words"),
	c("zettelkasten-method-overview", "Notes/ZettelkastenMethodOverview.md", "split-words"),
	c("Weekly Review Template", "Notes/weekly_review_template.md", "split-words"),
	c("readingList2023", "Notes/reading-list-2023.md", "split-words"),
	c("Working in Public", "Sources/Working in Public - The Making and Maintenance of Open Source Software.md", "subtitle"),
	c("Working in Public: The Making and Maintenance of Open Source Software", "Sources/Working in Public - The Making and Maintenance of Open Source Software.md", "subtitle"),
	c("Deep Work", "Sources/Deep Work - Rules for Focused Success.md", "subtitle"),
	c("Deep Work: Rules for Focused Success in a Distracted World", "Sources/Deep Work - Rules for Focused Success.md", "subtitle"),
	c("Lecture 5", "Notes/Lecture 5 - Entropy.md", "subtitle"),
	c("Cafe Culture in Vienna", "Sources/Café Culture in Vienna.md", "accents"),
	c("Cafe\u0301 Culture in Vienna".normalize("NFD"), "Sources/Café Culture in Vienna.md", "accents"),
	c("Elements de typographie", "Sources/Éléments de typographie.md", "accents"),
	c("Zurich Urban Planning", "Sources/Zürich Urban Planning.md", "accents"),
	c("Zu\u0308rich urban planing", "Sources/Zürich Urban Planning.md", "accents"),
	c("@okaforMangroveCarbonStocks2019", "Literature/okaforMangroveCarbonStocks2019.md", "at-prefix", C),
	c("@tanakaCoralBleachingThresholds2016", "Literature/tanakaCoralBleachingThresholds2016.md", "at-prefix", C),
	c("@haddadUrbanHeatIsland2017", "Literature/haddadUrbanHeatIslands2017.md", "at-prefix", C),
	c("@Ivanova2014", "Literature/Ivanova 2014.md", "at-prefix", C),
	c("Old Sources/Thinking in Systems", "Sources/Thinking in Systems.md", "moved-folder"),
	c("Reading/Paper Summary", "Sources/Paper Summary.md", "moved-folder"),
	c("Literature/Thinking in Systems.md", "Sources/Thinking in Systems.md", "moved-folder"),
	c("Refs/lindqvistPermafrostThawFeedbacks2021", "Literature/lindqvistPermafrostThawFeedbacks2021.md", "moved-folder", C),
	c("Notes/Research Methods", "Sources/Research Methods.md", "moved-folder"),
	c("Zettel/ZettelkastenMethodOverview", "Notes/ZettelkastenMethodOverview.md", "moved-folder"),
	c("Okafor-2019", "Literature/okaforMangroveCarbonStocks2019.md", "author-year", C),
	c("Okafor 2019", "Literature/okaforMangroveCarbonStocks2019.md", "author-year", C),
	c("Lindqvist et al. 2021", "Literature/lindqvistPermafrostThawFeedbacks2021.md", "author-year", C),
	c("Haddad (2017)", "Literature/haddadUrbanHeatIslands2017.md", "author-year", C),
	c("Moreau et al 2020", "Literature/moreauSoilMicrobiomeDiversity2020.md", "author-year", C),
	c("Tanaka and Mori 2016", "Literature/tanakaCoralBleachingThresholds2016.md", "author-year", C),
	c("moreau2020", "Literature/moreauSoilMicrobiomeDiversity2020.md", "author-year", C),
	c("Lindqvist_2021", "Literature/lindqvistPermafrostThawFeedbacks2021.md", "author-year", C),
	c("brennanGlacierRetreat2018", "Literature/Brennan-2018.md", "citekey-to-author-year", C),
	c("castellanosRiverDeltas2022", "Literature/Castellanos et al. 2022.md", "citekey-to-author-year", C),
	c("ivanovaSeaIceExtent2014", "Literature/Ivanova 2014.md", "citekey-to-author-year", C),
	c("Brennan et al. 2018", "Literature/Brennan-2018.md", "citekey-to-author-year", C),
	c("Funding application 2025 draft", "Sources/Grant notes.md", "alias"),
	c("Conversation with Marta", "Sources/Interview with M.md", "alias"),
	c("Marta interview", "Sources/Interview with M.md", "alias"),
	c("Funding aplication 2025 draft", "Sources/Grant notes.md", "alias"),
	c("Interview with Marta", "Sources/Interview with M.md", "alias"),
	c("Attention Is a Scarce Resource", "Sources/Reading notes 41.md", "title-property"),
	c("Attention is a scarce resources", "Sources/Reading notes 41.md", "title-property"),
	c("Hovering Flight in Kestrels", "Sources/Kestrel paper.md", "title-property"),
	c("Mangrove carbon stocks along the Niger Delta", "Literature/okaforMangroveCarbonStocks2019.md", "title-property", C),
	c("Nakamura 2012", "Sources/Kestrel paper.md", "author-year-property"),
	c("Nakamura et al. 2012", "Sources/Kestrel paper.md", "author-year-property"),
	c("Quispe 2019", "Sources/Interview with M.md", "author-year-property"),
	c("Brooks 1975", "Sources/The Mythical Man-Month.md", "author-year-property"),
	c("mangrove survey map.png", "Attachments/mangrove-survey-map.png", "attachment", C),
	c("Kestrel flight data.csv", "Attachments/Kestrel flight data.csv", "attachment"),
	c("Interview audio.mp3", "Attachments/Interview audio.m4a", "attachment"),
	c("Forest-diagram.svg", "Attachments/Forest diagram.svg", "attachment"),
	c("Alpha/Meeting Note", "Projects/Alpha/Meeting Notes.md", "folder-rank"),
	c("Beta/Meeting Note", "Projects/Beta/Meeting Notes.md", "folder-rank"),
	c("Old Drafts/Essay Outlines", "Archive/Old Drafts/Essay Outline.md", "folder-rank"),
	// Silence is right from here on.
	c("Totally Unrelated Title Here", null, "silent-unrelated"),
	c("Quantum Chromodynamics", null, "silent-unrelated"),
	c("Summary", null, "silent-unrelated"),
	c("Dark", null, "silent-unrelated"),
	c("Notes", null, "silent-unrelated"),
	c("Systems Biology Primer", null, "silent-unrelated"),
	c("Smart Contracts", null, "silent-unrelated"),
	c("Vienna", null, "silent-unrelated"),
	c("LO impulse SQED", null, "silent-prefix"),
	c("NNLO impulse SQED", null, "silent-prefix"),
	c("Feynman Rules QCD", null, "silent-prefix"),
	c("Lecture 6 - Entropy", null, "silent-number"),
	c("Chapter 13 Summary", null, "silent-number"),
	c("Sprint 15 retrospective", null, "silent-number"),
	c("Reading list 2024", null, "silent-number"),
	c("Okafor 2020", null, "silent-number", C),
	c("ISO 8602 cheatsheet", null, "silent-number"),
	c("2024-03-16", null, "silent-date"),
	c("2024-03-14", null, "silent-date", "Daily/2024-03-14.md"),
	c("2023-11-20", null, "silent-date"),
	c("2024-W12", null, "silent-date"),
	c("2024-03", null, "silent-date"),
	c("S-expression", null, "silent-near-word"),
	c("Expression", null, "silent-near-word"),
	c("Bats", null, "silent-near-word"),
	c("Statics", null, "silent-near-word"),
	c("Market Analyst", null, "silent-near-word"),
	c("Impression Managers Guide", null, "silent-near-word"),
	c("mangrove survey map", null, "silent-kind", C),
	c("Kestrel flight data", null, "silent-kind"),
	c("paper summary.pdf", "Attachments/paper-summary.pdf", "attachment"),
	c("Forest diagram", null, "silent-kind"),
	c("Tools essay", null, "silent-self"),
	c("Climate Essay", null, "silent-self", C),
];
