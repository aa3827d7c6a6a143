/** Module entry for the `mdurl` stand-in (named exports, as markdown-it imports it). */
import { mdurl } from "../parser-extras-shim";
export const { parse, format, encode, decode } = mdurl;
