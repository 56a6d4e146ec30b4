// What an importer tells the user about a file it read (shared, pure): what it did on the user's behalf and what it
// could not do. A model type: importers produce it, the contract carries it, the CLI and the renderer show it.
import { z } from 'zod';

export const ImportNote = z.object({ severity: z.enum(['info', 'warning']), message: z.string() });
export type ImportNote = z.infer<typeof ImportNote>;
