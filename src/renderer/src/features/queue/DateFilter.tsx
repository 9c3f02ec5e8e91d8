/**
 * A typed date for the queue's filters, as the intake form takes dates: HH/BB/TTTT, "hari ini",
 * "kemarin" (never the browser's date picker, which follows the computer's locale). The filter
 * changes when the typed text is a real date or is emptied; otherwise the field says what is wrong.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../../../shared/domain/typed-date';

/** 2026-11-29 -> 29/11/2026 */
export const typedFromIso = (iso: string) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

export function DateFilter({
  id,
  label,
  value,
  today,
  onChange,
}: {
  id: string;
  label: string;
  /** ISO date or '' */
  value: string;
  today: string;
  onChange: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(typedFromIso(value));
  const [bad, setBad] = useState(false);
  // A shortcut (Hari ini, Minggu ini...) or "Hapus filter" sets the value from outside: the box
  // follows, unless what is typed already means that date (adjusted while rendering, not in an effect).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setBad(false);
    if (parseTypedDate(text, today) !== value) setText(typedFromIso(value));
  }

  function commit(raw: string) {
    if (!raw.trim()) {
      setBad(false);
      if (value) onChange('');
      return;
    }
    const iso = parseTypedDate(raw, today);
    setBad(iso === null);
    if (iso && iso !== value) onChange(iso);
  }

  return (
    <div className={bad ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        placeholder={t('ui.datePlaceholder')}
        autoComplete="off"
        aria-invalid={bad ? true : undefined}
        aria-describedby={bad ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseTypedDate(e.target.value, today);
          if (iso || !e.target.value.trim()) commit(e.target.value);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
        className="date-filter"
      />
      {bad ? (
        <small id={`${id}-error`} className="field__error" role="alert">
          {t('validation.dateNamed', { field: label })}
        </small>
      ) : null}
    </div>
  );
}
