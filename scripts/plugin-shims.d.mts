import type { Plugin } from "esbuild";
export declare const PLUGIN_SHIMS: Record<string, string>;
export declare const pluginShims: Plugin;
