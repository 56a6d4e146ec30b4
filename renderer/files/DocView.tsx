// Read-only views of a report (renderer): a version's preview, and its comparison with the current text.
import { useState, type ReactNode } from 'react';
import type { BlockDiff, DocumentDiff } from '../../shared/model/diff';
import { sequenceMarkers } from '../../shared/model/numbering';
import { blockText, type Block, type ReportDocument } from '../../shared/model/schema';
import { T } from './text';

function BlockLine({ block, marker, children }: { block: Block; marker?: string; children?: ReactNode }) {
  const content = children ?? blockText(block);
  if (block.type === 'heading') {
    return (
      <p className={`docview-block docview-h${block.level}`}>
        {marker}
        {content}
      </p>
    );
  }
  if (block.type === 'table') return <pre className="docview-block docview-table">{content}</pre>;
  return <p className="docview-block docview-p">{content}</p>;
}

/** The document as text, headings numbered as printed. */
export function DocPreview({ doc }: { doc: ReportDocument }) {
  const markers = sequenceMarkers(doc.body);
  return (
    <div className="docview" aria-label="版本预览">
      <p className="docview-title">{doc.meta.title}</p>
      {doc.body.map((block, i) => (
        <BlockLine key={i} block={block} marker={markers[i]} />
      ))}
    </div>
  );
}

type Row = { kind: 'diff'; diff: BlockDiff } | { kind: 'unchanged'; blocks: BlockDiff[] };

/** Runs of unchanged blocks longer than this collapse to one line (expandable). */
const KEEP_CONTEXT = 1;

function rows(diff: DocumentDiff): Row[] {
  const out: Row[] = [];
  const { blocks } = diff;
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i]!.kind !== 'equal') {
      out.push({ kind: 'diff', diff: blocks[i]! });
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && blocks[j]!.kind === 'equal') j++;
    const run = blocks.slice(i, j);
    const head = i === 0 ? 0 : KEEP_CONTEXT;
    const tail = j === blocks.length ? 0 : KEEP_CONTEXT;
    if (run.length > head + tail + 1) {
      for (const b of run.slice(0, head)) out.push({ kind: 'diff', diff: b });
      out.push({ kind: 'unchanged', blocks: run.slice(head, run.length - tail) });
      for (const b of run.slice(run.length - tail)) out.push({ kind: 'diff', diff: b });
    } else {
      for (const b of run) out.push({ kind: 'diff', diff: b });
    }
    i = j;
  }
  return out;
}

function DiffRow({ diff }: { diff: BlockDiff }) {
  switch (diff.kind) {
    case 'equal':
      return <BlockLine block={diff.block} />;
    case 'added':
      return (
        <div className="diff-block diff-block-added">
          <BlockLine block={diff.block}>
            <ins>{diff.text}</ins>
          </BlockLine>
        </div>
      );
    case 'removed':
      return (
        <div className="diff-block diff-block-removed">
          <BlockLine block={diff.block}>
            <del>{diff.text}</del>
          </BlockLine>
        </div>
      );
    case 'changed':
      return (
        <div className="diff-block diff-block-changed">
          <BlockLine block={diff.after}>
            {diff.segments.map((s, i) =>
              s.kind === 'added' ? <ins key={i}>{s.text}</ins> : s.kind === 'removed' ? <del key={i}>{s.text}</del> : <span key={i}>{s.text}</span>,
            )}
          </BlockLine>
        </div>
      );
  }
}

function UnchangedRun({ blocks }: { blocks: BlockDiff[] }) {
  const [open, setOpen] = useState(false);
  if (open) return blocks.map((b, i) => <DiffRow key={i} diff={b} />);
  return (
    <button type="button" className="link diff-unchanged" onClick={() => setOpen(true)}>
      {T.versionsUnchangedRun(blocks.length)}
    </button>
  );
}

/** The difference from a version (before) to the current text (after): insertions and deletions marked. */
export function DiffView({ diff }: { diff: DocumentDiff }) {
  return (
    <div className="docview diffview" aria-label="版本比较">
      <p className="diff-summary">
        {T.versionsDiffSummary(diff.added, diff.removed)}
        {diff.metaChanged ? ` ${T.versionsMetaChanged}` : ''}
      </p>
      <p className="diff-legend">{T.versionsLegend}</p>
      {rows(diff).map((row, i) => (row.kind === 'diff' ? <DiffRow key={i} diff={row.diff} /> : <UnchangedRun key={i} blocks={row.blocks} />))}
    </div>
  );
}
