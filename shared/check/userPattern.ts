// Regular expressions written by team leads in templates (formulation entries, required indicators), compiled so
// that one badly written pattern can never freeze the checker (shared, pure). JavaScript regexes backtrack, and a
// pattern such as (法+)+$ takes seconds on a short paragraph; such patterns are refused and skipped.

const MAX_PATTERN_LENGTH = 300;

/**
 * Whether a pattern can backtrack catastrophically: a quantified group that itself contains an unbounded
 * quantifier or an alternation ((a+)+, (a|aa)*, (\d*)+ …), or a back-reference. Conservative on purpose.
 */
export function isRiskyPattern(source: string): boolean {
  if (source.length > MAX_PATTERN_LENGTH) return true;
  // For each open group: whether it holds an unbounded quantifier or an alternation.
  const stack: { risky: boolean }[] = [];
  let closedRisky = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return true; // back-references
      i += 1;
      closedRisky = false;
      continue;
    }
    if (ch === '[') {
      // Skip a character class (escapes inside included).
      i += 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      closedRisky = false;
      continue;
    }
    if (ch === '(') {
      stack.push({ risky: false });
      closedRisky = false;
      continue;
    }
    if (ch === ')') {
      const group = stack.pop();
      closedRisky = group?.risky ?? false;
      if (closedRisky && stack.length) stack[stack.length - 1]!.risky = true;
      continue;
    }
    const unbounded = ch === '*' || ch === '+' || (ch === '{' && /^\{\d*,\}/.test(source.slice(i)));
    // A group repeated more than once ({2}, {1,5}); `?` and {0,1} take it at most once and are harmless.
    const repeats = unbounded || (ch === '{' && /^\{(\d+)(?:,(\d+))?\}/.test(source.slice(i)) && Number(/^\{(\d+)(?:,(\d+))?\}/.exec(source.slice(i))![2] ?? /^\{(\d+)/.exec(source.slice(i))![1]) > 1);
    if (repeats && closedRisky && source[i - 1] === ')') return true;
    if (unbounded && stack.length) stack[stack.length - 1]!.risky = true;
    if (ch === '|' && stack.length) stack[stack.length - 1]!.risky = true;
    closedRisky = false;
  }
  return false;
}

/** The compiled pattern, or null when it is invalid or risky (the rule then skips it rather than hang or fail). */
export function compileUserPattern(source: string, flags: string): RegExp | null {
  if (isRiskyPattern(source)) return null;
  try {
    return new RegExp(source, flags);
  } catch {
    return null;
  }
}
