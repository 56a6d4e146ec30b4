// Globals that every runtime of shared/ code provides (Node ≥ 17, Electron, Chromium) but that the ES lib alone
// does not declare. Kept minimal on purpose: shared/ stays free of DOM and Node types.
declare function structuredClone<T>(value: T): T;
