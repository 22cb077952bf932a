/**
 * Stands in for WXT's ContentScriptContext in the content script's build (wxt.config.ts). This script uses none of it
 * (content-script.ts keeps itself from running twice), and WXT's announces each start to the page by
 * `window.postMessage`, its type carrying the extension's id: a practice page would learn which extension is there.
 */
export class ContentScriptContext {}
