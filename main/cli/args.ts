// Small argument parsing shared by the import and outline commands (Node): flags, options with a value, positionals.

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/**
 * Parses `args` against the known flags and value options (each given with its aliases, e.g. ['-o', '--output']).
 * Throws an Error with a Chinese message for an unknown option or a missing value.
 */
export function parseArgs(args: readonly string[], spec: { flags?: string[][]; options?: string[][] }): ParsedArgs {
  const canonical = new Map<string, { name: string; takesValue: boolean }>();
  for (const aliases of spec.flags ?? []) for (const a of aliases) canonical.set(a, { name: aliases[aliases.length - 1]!, takesValue: false });
  for (const aliases of spec.options ?? []) for (const a of aliases) canonical.set(a, { name: aliases[aliases.length - 1]!, takesValue: true });
  const result: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      result.positional.push(arg);
      continue;
    }
    if (arg === '--') { onlyPositional = true; continue; }
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    const known = canonical.get(key);
    if (!known) throw new Error(`未知选项：${key}`);
    if (!known.takesValue) {
      if (eq > 0) throw new Error(`选项 ${key} 不带参数`);
      result.flags.add(known.name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new Error(`选项 ${key} 缺少参数`);
    result.options.set(known.name, value);
  }
  return result;
}
