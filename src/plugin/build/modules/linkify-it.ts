/** Module entry for the `linkify-it` stand-in (default export, as markdown-it imports it). */
import { LinkifyIt } from "../parser-extras-shim";
export default LinkifyIt;
