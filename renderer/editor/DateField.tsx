// 成文日期 on the page (renderer): shown as 2025年3月1日; edited in three fields labelled 年, 月, 日, never the browser's
// date input (which shows mm/dd/yyyy or the system locale's order). A change is taken once the fields name a real day.
import { useRef, useState } from 'react';
import { formatChineseDate, isoDateOf, parseIsoDate } from '../../shared/model/dates';

const T = {
  date: '成文日期',
  year: '年',
  month: '月',
  day: '日',
  invalid: '请填写有效的日期',
  clear: '清除日期',
} as const;

type Parts = { year: string; month: string; day: string };

function partsOf(iso: string): Parts {
  const p = parseIsoDate(iso);
  return p ? { year: String(p.year), month: String(p.month), day: String(p.day) } : { year: '', month: '', day: '' };
}

function isoOf(parts: Parts): string | null {
  if (!parts.year && !parts.month && !parts.day) return '';
  if (!/^\d{4}$/.test(parts.year) || !/^\d{1,2}$/.test(parts.month) || !/^\d{1,2}$/.test(parts.day)) return null;
  return isoDateOf({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) });
}

export function DateField({ value, onChange }: { value: string; onChange(iso: string): void }) {
  const [editing, setEditing] = useState(false);
  const [parts, setParts] = useState<Parts>(() => partsOf(value));
  const groupRef = useRef<HTMLSpanElement>(null);

  if (!editing) {
    return (
      <button
        type="button"
        className="date-display"
        aria-label={T.date}
        onClick={() => {
          setParts(partsOf(value));
          setEditing(true);
        }}
      >
        {formatChineseDate(value) || `（${T.date}）`}
      </button>
    );
  }

  const change = (key: keyof Parts, text: string) => {
    // Full-width digits typed with a Chinese input method count as digits.
    const digits = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\D/g, '').slice(0, key === 'year' ? 4 : 2);
    const next = { ...parts, [key]: digits };
    setParts(next);
    const iso = isoOf(next);
    if (iso !== null && iso !== value) onChange(iso);
  };
  const valid = isoOf(parts) !== null;
  const field = (key: keyof Parts, label: string, width: number, autoFocus = false) => (
    <label className="date-part">
      <input
        className="date-part-input"
        inputMode="numeric"
        autoFocus={autoFocus}
        value={parts[key]}
        size={width}
        maxLength={width}
        aria-label={label}
        aria-invalid={!valid}
        onChange={(e) => change(key, e.target.value)}
      />
      <span aria-hidden="true">{label}</span>
    </label>
  );
  return (
    <span
      className="date-fields"
      role="group"
      aria-label={T.date}
      ref={groupRef}
      onBlur={(e) => {
        // Leaving the three fields ends editing; what is not a real day is dropped, the last good date stays.
        if (!groupRef.current?.contains(e.relatedTarget as Node | null)) setEditing(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          setEditing(false);
        }
      }}
    >
      {field('year', T.year, 4, true)}
      {field('month', T.month, 2)}
      {field('day', T.day, 2)}
      <button type="button" className="link date-clear" onClick={() => {
          setParts({ year: '', month: '', day: '' });
          if (value !== '') onChange('');
        }}
      >
        {T.clear}
      </button>
      {!valid && (
        <span className="date-invalid" role="status">
          {T.invalid}
        </span>
      )}
    </span>
  );
}
