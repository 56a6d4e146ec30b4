// esbuild inject for CommonJS bundles of ESM packages that read import.meta.url (electron-store, conf).
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
