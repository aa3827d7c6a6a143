/** Module entry for the `punycode.js` stand-in (default export, as markdown-it imports it). */
import { punycode } from "../parser-extras-shim";
export default punycode;
