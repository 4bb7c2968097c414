/**
 * Loads an ES-module-only package (openid-client 6, pdfjs-dist) from this project's CommonJS build, where
 * TypeScript would turn `import()` into `require()`. A real dynamic import, kept from TypeScript by the Function
 * constructor, works on every Node version this project supports and in Jest (run with
 * --experimental-vm-modules), where require() of an ES module is not supported before Node 24.9.
 *
 * Each module instance makes its own function, with source text of its own: V8 caches compiled Function bodies
 * by their text, and a cached body keeps the dynamic-import hook of the context that compiled it first. Under
 * Jest (one context per test file, one process for many files) a shared text made a later file import through
 * an earlier, torn-down file's hook.
 */
const loader = new Function('specifier', `return import(specifier); // ${process.hrtime.bigint()}-${Math.random()}`) as (specifier: string) => Promise<unknown>;

export function importEsm(specifier: string): Promise<unknown> {
  return loader(specifier);
}
