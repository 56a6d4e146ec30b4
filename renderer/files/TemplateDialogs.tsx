// 另存为模板 (renderer): a template from the open report: structure, guidance and rule settings kept, figures turned
// into placeholders, year-specific text optionally cleared. (基于上一年度报告新建 is useDocumentSession.newFromPrevious.)
import { useState } from 'react';
import { useAction } from '../useAction';
import { newDocumentId } from '../../shared/model/id';
import type { Template } from '../../shared/model/template';
import { reportToTemplate } from '../../shared/model/templateOps';
import { api } from '../api';
import { Modal } from './Modal';
import { T } from './text';
import type { DocumentSessionApi } from './useDocumentSession';

/** A template id main accepts (lower-case letters, digits, hyphens) that does not collide with another. */
function newTemplateId(): string {
  return `user-${Date.now().toString(36)}-${newDocumentId().slice(0, 8)}`;
}

export function SaveTemplateDialog({ files, onClose }: { files: DocumentSessionApi; onClose: () => void }) {
  const organ = files.currentDoc()?.meta.organ.trim() ?? '';
  const [name, setName] = useState(T.templateDefaultName(organ));
  const [description, setDescription] = useState('');
  const [clearYearText, setClearYearText] = useState(true);
  const [clearOrganName, setClearOrganName] = useState(false);
  const { busy: working, error, setError, run } = useAction();

  const submit = async () => {
    const doc = files.currentDoc();
    if (!doc) return;
    if (!name.trim()) {
      setError(T.templateNameRequired);
      return;
    }
    await run(async () => {
      // The template the report came from lends its writing guidance; a report without one still makes a template.
      let base: Template | null = null;
      if (doc.meta.templateId) base = await api.readTemplate(doc.meta.templateId).catch(() => null);
      const template = reportToTemplate(doc, {
        id: newTemplateId(),
        name: name.trim(),
        description: description.trim() || undefined,
        clearYearText,
        clearOrganName,
        base,
      });
      const saved = await api.saveTemplate(template);
      files.notify('info', T.templateSaved(saved.name));
      onClose();
    });
  };

  return (
    <Modal
      title={T.templateTitle}
      onCancel={onClose}
      footer={
        <>
          <button type="button" className="primary" disabled={working} onClick={() => void submit()}>
            {T.save}
          </button>
          <button type="button" onClick={onClose}>
            {T.cancel}
          </button>
        </>
      }
    >
      <p className="files-hint">{T.templateExplain}</p>
      <label className="files-field">
        <span>{T.templateName}</span>
        <input type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-autofocus />
      </label>
      <label className="files-field">
        <span>{T.templateDescription}</span>
        <input type="text" value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="files-check">
        <input type="checkbox" checked={clearYearText} onChange={(e) => setClearYearText(e.target.checked)} />
        <span>{T.templateClearYear}</span>
      </label>
      <label className="files-check">
        <input type="checkbox" checked={clearOrganName} onChange={(e) => setClearOrganName(e.target.checked)} />
        <span>{T.templateClearOrgan}</span>
      </label>
      {error && (
        <p className="files-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
