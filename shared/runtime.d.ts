// Globals that every runtime of shared/ code provides (Node ≥ 17, Electron, Chromium) but that the ES lib alone
// does not declare. Kept minimal on purpose: shared/ stays free of DOM and Node types.
declare function structuredClone<T>(value: T): T;
/** WHATWG TextDecoder (Node ≥ 11, Electron, Chromium), with the labels shared/ uses: utf-8, utf-16le/be, gb18030. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
