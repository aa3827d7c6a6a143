export { createSuggester, type Suggester, type SuggesterOptions } from "./suggester";
export { boundedEditDistance } from "./edit-distance";
export { normalizeName, nameWords, stem } from "./words";
export { MIN_SCORE } from "./score";
