// 新建报告 (renderer): choose a template (or a blank report), fill in the meta; the title is generated and editable.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportDocument } from '../../shared/model/schema';
import { emptyRuleSettings, paragraph } from '../../shared/model/schema';
import type { Template, TemplateSummary } from '../../shared/model/template';
import { createReportFromTemplate, reportTitle } from '../../shared/model/templateOps';
import { newDocumentId } from '../../shared/model/id';
import { defaultReportDate, defaultReportYear, type Today } from '../../shared/model/defaults';
import { api, errorMessage } from '../api';

const BLANK = '';

function today(): Today {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export function NewReportDialog({ onCreate, onCancel }: { onCreate(doc: ReportDocument): void; onCancel(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  // null until the user picks or the template list arrives (then 政府部门 is preselected): nothing looks chosen before.
  const [templateId, setTemplateId] = useState<string | null>(null);
  const templateChosen = useRef(false);
  const chooseTemplate = (id: string) => {
    templateChosen.current = true;
    setTemplateId(id);
  };
  const [template, setTemplate] = useState<Template | null>(null);
  const [organ, setOrgan] = useState('');
  const [year, setYear] = useState(() => defaultReportYear(today()));
  const [addressee, setAddressee] = useState('');
  const [addresseeTouched, setAddresseeTouched] = useState(false);
  const [date, setDate] = useState(() => defaultReportDate(today(), defaultReportYear(today())));
  const [signature, setSignature] = useState('');
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    api.listTemplates().then(
      (list) => {
        if (!live) return;
        setTemplates(list.templates);
        setNotices(list.notices);
        // Preselect a template only if the user has not already picked one (空白报告 is clickable while loading).
        const first = list.templates.find((t) => t.id === 'department') ?? list.templates[0];
        if (!templateChosen.current) setTemplateId(first ? first.id : BLANK);
      },
      (e) => {
        if (!live) return;
        setTemplates([]);
        setError(errorMessage(e));
        if (!templateChosen.current) setTemplateId(BLANK);
      },
    );
    api.getSettings().then(
      ({ settings }) => {
        if (!live) return;
        if (settings.defaultOrgan) setOrgan((o) => o || settings.defaultOrgan);
        if (settings.defaultSignature) setSignature((s) => s || settings.defaultSignature);
        if (settings.defaultAddressee) {
          setAddressee((a) => a || settings.defaultAddressee);
          setAddresseeTouched(true);
        }
      },
      () => undefined, // Without saved settings the form simply starts empty.
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setTemplate(null);
    if (templateId === null || templateId === BLANK) return;
    api.readTemplate(templateId).then(
      (t) => {
        if (!live) return;
        setTemplate(t);
        if (!addresseeTouched) setAddressee(t.addressee);
      },
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
    // The addressee follows the template only until the user types one.
  }, [templateId]);

  const generatedTitle = useMemo(() => (organ.trim() ? reportTitle(organ.trim(), year) : ''), [organ, year]);
  const shownTitle = titleTouched ? title : generatedTitle;
  const yearValid = Number.isInteger(year) && year >= 1990 && year <= 2200;
  const ready = yearValid && (templateId === BLANK || template !== null);

  const create = () => {
    if (!ready) return;
    const meta = { organ: organ.trim(), year, addressee: addressee.trim(), date: date as ReportDocument['meta']['date'], signature: signature.trim() || organ.trim() };
    let doc: ReportDocument;
    if (template) {
      doc = createReportFromTemplate(template, { id: newDocumentId(), ...meta });
    } else {
      doc = {
        id: newDocumentId(),
        meta: { ...meta, title: '' },
        body: [paragraph('')],
        ignores: [],
        rules: emptyRuleSettings(),
      };
    }
    doc = { ...doc, meta: { ...doc.meta, title: shownTitle.trim() } };
    onCreate(doc);
  };

  return (
    <dialog ref={ref} className="modal new-report" aria-label="新建报告" onCancel={onCancel} onClose={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <h2>新建报告</h2>
        {error && <p className="form-error" role="alert">{error}</p>}
        {notices.map((n) => (
          <p key={n} className="form-note">{n}</p>
        ))}
        <fieldset className="template-choice">
          <legend>选择模板</legend>
          {templates === null && <p className="muted">正在读取模板…</p>}
          {templates?.map((t) => (
            <label key={t.id} className={`template-card${templateId === t.id ? ' selected' : ''}`}>
              <input type="radio" name="template" value={t.id} checked={templateId === t.id} onChange={() => chooseTemplate(t.id)} />
              <span className="template-name">{t.name}</span>
              <span className="template-desc">{t.description}</span>
            </label>
          ))}
          <label className={`template-card${templateId === BLANK ? ' selected' : ''}`}>
            <input type="radio" name="template" value="" checked={templateId === BLANK} onChange={() => chooseTemplate(BLANK)} />
            <span className="template-name">空白报告</span>
            <span className="template-desc">不套用模板，从空白开始，或把已有文稿粘贴进来自动识别结构。</span>
          </label>
        </fieldset>
        {template && template.guidance.length > 0 && (
          <details className="template-guidance">
            <summary>该模板的写作提示</summary>
            <ul>
              {template.guidance.map((g) => (
                <li key={g.part}>{g.text}</li>
              ))}
            </ul>
          </details>
        )}
        <div className="form-grid">
          <label>
            机关名称
            <input value={organ} onChange={(e) => setOrgan(e.target.value)} placeholder="如：江海区司法局" autoFocus />
          </label>
          <label>
            报告年度
            <input type="number" value={Number.isFinite(year) ? year : ''} min={1990} max={2200} onChange={(e) => setYear(Number(e.target.value))} />
            {!yearValid && <span className="field-error">请填写四位年份</span>}
          </label>
          <label>
            主送机关
            <input
              value={addressee}
              onChange={(e) => {
                setAddressee(e.target.value);
                setAddresseeTouched(true);
              }}
              placeholder="如：江海区人民政府"
            />
          </label>
          <label>
            成文日期
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            署名
            <input value={signature} onChange={(e) => setSignature(e.target.value)} placeholder="默认与机关名称相同" />
          </label>
          <label className="wide">
            标题
            <input
              value={shownTitle}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleTouched(true);
              }}
              placeholder="填写机关名称后自动生成"
            />
            {titleTouched && (
              <button type="button" className="link" onClick={() => setTitleTouched(false)}>
                恢复自动生成的标题
              </button>
            )}
          </label>
        </div>
        <div className="modal-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            取消
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            创建
          </button>
        </div>
      </form>
    </dialog>
  );
}
