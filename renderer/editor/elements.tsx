// How report blocks and leaves render (renderer): print-like blocks; heading sequence numbers come from the structure
// and are drawn by CSS (::before from data-marker) outside the editable text, so IME input is never disturbed.
import { memo } from 'react';
import type { RenderElementProps, RenderLeafProps } from 'slate-react';
import { useSlateSelector } from 'slate-react';
import type { Editor, Element } from 'slate';
import type { Block, HeadingElement } from '../../shared/model/schema';
import { sequenceMarkers } from '../../shared/model/numbering';
import { T } from './strings';
import { BOX_LAYER_CLASS } from './markBoxes';

/**
 * First in every text unit: the empty layer its marks are drawn in while the caret is elsewhere (markBoxes.ts). Not
 * editable (slate-react skips it when it maps DOM points) and hidden from screen readers; React never gives it
 * children, so the boxes drawn in it stay.
 */
const boxLayer = <span className={BOX_LAYER_CLASS} contentEditable={false} aria-hidden="true" />;

const markerCache = new WeakMap<readonly unknown[], string[]>();

/** Sequence markers of the current body, computed once per body value. */
export function markersOf(editor: Editor): string[] {
  const body = editor.children;
  let markers = markerCache.get(body);
  if (!markers) {
    markers = sequenceMarkers(body as Block[]);
    markerCache.set(body, markers);
  }
  return markers;
}

function Heading({ attributes, children, element }: { attributes: RenderElementProps['attributes']; children: React.ReactNode; element: HeadingElement }) {
  // Re-renders only when this heading's own marker changes (insert, delete, move or a level change elsewhere).
  const marker = useSlateSelector((editor) => {
    const i = editor.children.indexOf(element);
    return i < 0 ? '' : markersOf(editor)[i] ?? '';
  });
  const className = `blk h h${element.level}${element.runIn ? ' runin' : ''}`;
  return (
    <div {...attributes} className={className} data-marker={marker} data-runin={element.runIn ? T.runIn : undefined}>
      {boxLayer}
      {children}
    </div>
  );
}

export function renderElement({ attributes, children, element }: RenderElementProps) {
  const el = element as Element;
  switch (el.type) {
    case 'heading':
      return <Heading attributes={attributes} element={el}>{children}</Heading>;
    case 'table':
      return (
        <div {...attributes} className="blk table-wrap">
          <table className="doc-table">
            <tbody>{children}</tbody>
          </table>
        </div>
      );
    case 'table-row':
      return <tr {...attributes}>{children}</tr>;
    case 'table-cell':
      return (
        <td {...attributes}>
          {boxLayer}
          {children}
        </td>
      );
    default:
      return (
        <p {...attributes} className="blk para">
          {boxLayer}
          {children}
        </p>
      );
  }
}

// Findings, placeholders and find hits are painted over the text (markLayer.ts); a leaf shows only the model's own
// marks: a figure carried over from last year's report that still needs updating, and a template's writing hint.
const LeafView = memo(function LeafView({ attributes, children, leaf }: RenderLeafProps) {
  // A template's writing hint: grey, removed whole when typed into (shared/editor/hints.ts), never exported.
  if (leaf.hint) return <span {...attributes} className="hint" title={T.templateHint}>{children}</span>;
  return leaf.stale ? (
    <span {...attributes} className="stale" title={T.staleFigure}>
      {children}
    </span>
  ) : (
    <span {...attributes}>{children}</span>
  );
});

export function renderLeaf(props: RenderLeafProps) {
  return <LeafView {...props} />;
}
