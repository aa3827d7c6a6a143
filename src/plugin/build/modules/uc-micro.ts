/** Module entry for the `uc.micro` stand-in (named exports, as markdown-it imports it). */
export { Any, Cc, Cf, P, S, Z } from "../parser-extras-shim";
