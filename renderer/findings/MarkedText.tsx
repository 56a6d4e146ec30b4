// A suggested text with its punctuation made visible (renderer): each mark boxed and named, so that “，” and “,” differ
// in any UI font.
import { describeFix, markChanges, markSegments, MARK_NAMES } from '../../shared/check/markNames';

/** The text, each punctuation mark in a box with its name (as a tooltip and for screen readers). */
export function MarkedText({ text }: { text: string }) {
  return (
    <>
      {markSegments(text).map((s, i) =>
        s.name ? (
          <span key={i} className="mark-glyph" title={s.name} aria-label={s.name}>
            {s.text}
          </span>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** One mark boxed with its name written out: “，”（全角逗号）. */
export function NamedMark({ mark }: { mark: string }) {
  const name = MARK_NAMES[mark];
  return (
    <span className="named-mark">
      <span className="mark-glyph">{mark}</span>
      {name && <span className="mark-name">（{name}）</span>}
    </span>
  );
}

/** What a fix changes, shown so that the marks can be told apart: the changed marks, or the new text. */
export function FixSuggestion({ text, fix }: { text: string; fix: string }) {
  const changes = markChanges(text, fix);
  if (changes.length > 0 && changes.every(([a, b]) => MARK_NAMES[a] && MARK_NAMES[b])) {
    return (
      <>
        {changes.map(([a, b], i) => (
          <span key={i} className="mark-change">
            {i > 0 && '；'}
            <NamedMark mark={a} />→<NamedMark mark={b} />
          </span>
        ))}
      </>
    );
  }
  if (fix.length === 1 && MARK_NAMES[fix]) return <NamedMark mark={fix} />;
  return (
    <span title={describeFix(fix)}>
      “<MarkedText text={fix.length > 40 ? fix.slice(0, 40) + '…' : fix} />”
    </span>
  );
}
