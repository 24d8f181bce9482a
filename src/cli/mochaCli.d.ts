// Types for the parts of mocha's own CLI that the run reuses (mocha 12 paths); mocha ships none.
// Imported statically, so the build bundles them with mocha itself: one copy of its classes.

declare module 'mocha/lib/cli/options.cjs' {
  export function loadOptions(argv: string[]): Record<string, unknown>;
}

declare module 'mocha/lib/cli/collect-files.cjs' {
  interface CollectParams { spec: string[]; extension: string[]; ignore: string[]; file: string[]; recursive: boolean; sort: boolean; allowEmpty?: boolean }
  const collectFiles: (params: CollectParams) => { files: string[]; unmatchedFiles: { pattern: string }[] };
  export default collectFiles;
}

declare module 'mocha/lib/cli/run-helpers.cjs' {
  export function handleRequires(requires: string[]): Promise<object>;
}

declare module 'mocha/lib/nodejs/esm-utils.cjs' {
  export function requireOrImport(file: string): Promise<unknown>;
}

declare module 'mocha/lib/cli/run-option-metadata.cjs' {
  export const types: Record<string, string[]>;
  export const aliases: Record<string, string[]>;
}
