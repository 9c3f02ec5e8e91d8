/**
 * A type-ahead combobox (WAI-ARIA, through downshift): type part of a name, arrows to move,
 * Enter to choose. Matching ignores case and accents and finds the words anywhere in the name.
 */
import { useCombobox } from 'downshift';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldLabel } from './Field';

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function filterOptions(options: Option[], typed: string): Option[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  if (!words.length) return options;
  return options.filter((o) => {
    const text = fold(`${o.label} ${o.value} ${o.hint ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

/**
 * What Enter chooses: the highlighted option if the text in the box still matches it, else the
 * first option matching that text. Computed from the text at the moment of the key, never from a
 * list rendered for an earlier keystroke: typed ahead on a busy PC, "ktp" must never choose the
 * first option of the unfiltered list.
 */
export function choiceOnEnter(
  options: Option[],
  typed: string,
  highlighted: Option | undefined,
): Option | undefined {
  const matches = filterOptions(options, typed);
  if (highlighted && matches.some((o) => o.value === highlighted.value)) return highlighted;
  return matches[0];
}

interface ComboboxProps {
  label: string;
  options: Option[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  error?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
  noMatchText: string;
  onBlur?: () => void;
  /** The input's id (so an error summary can link to it). */
  id?: string;
  required?: boolean;
}

export function Combobox({
  label,
  options,
  value,
  onChange,
  error,
  placeholder,
  disabled,
  noMatchText,
  onBlur,
  id,
  required,
}: ComboboxProps) {
  const { t } = useTranslation();
  const selected = options.find((o) => o.value === value) ?? null;
  // Downshift owns the text in the box; we only keep what was typed, to filter the list.
  const [filterText, setFilterText] = useState('');
  const items = useMemo(() => filterOptions(options, filterText), [options, filterText]);
  // Downshift chooses on Enter from the items of the render before the key, and it learns of typed
  // text only in an effect after rendering: typed ahead on a busy PC, that list can be a keystroke or
  // two behind the box. Its reducer, though, has seen every keystroke, so Enter decides there, from
  // the text in the box at the moment of the key and the whole list of options.
  const { isOpen, getLabelProps, getInputProps, getMenuProps, getItemProps, highlightedIndex } =
    useCombobox<Option>({
      items,
      selectedItem: selected,
      itemToString: (o) => (o ? o.label : ''),
      stateReducer: (state, { type, changes, props }) => {
        if (type !== useCombobox.stateChangeTypes.InputKeyDownEnter) return changes;
        const shown = props.items[state.highlightedIndex];
        const choice = choiceOnEnter(options, state.inputValue, shown);
        if (!choice) return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        return { ...changes, selectedItem: choice, inputValue: choice.label };
      },
      onInputValueChange: ({ inputValue, type }) => {
        if (type !== useCombobox.stateChangeTypes.InputChange) return;
        setFilterText(inputValue);
        if (inputValue === '') onChange(undefined);
      },
      onSelectedItemChange: ({ selectedItem }) => {
        setFilterText('');
        onChange(selectedItem?.value);
      },
      onIsOpenChange: ({ isOpen: open }) => {
        if (!open) setFilterText('');
      },
      defaultHighlightedIndex: 0,
      ...(id ? { inputId: id } : {}),
    });
  return (
    <div className={error ? 'field field--error combobox' : 'field combobox'}>
      <FieldLabel required={required}>
        <label {...getLabelProps()}>{label}</label>
      </FieldLabel>
      {/* The placeholder and the magnifier say that one types here to find an option. */}
      <input
        {...getInputProps({ onBlur })}
        placeholder={placeholder ?? t('ui.combobox.typeToFind')}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        autoComplete="off"
      />
      <ul {...getMenuProps()} className={isOpen ? 'combobox__menu combobox__menu--open' : 'combobox__menu'}>
        {isOpen &&
          items.slice(0, 80).map((item, index) => (
            <li
              key={item.value}
              className={
                highlightedIndex === index ? 'combobox__item combobox__item--active' : 'combobox__item'
              }
              {...getItemProps({ item, index })}
            >
              {item.label}
              {item.hint ? <small> · {item.hint}</small> : null}
            </li>
          ))}
        {isOpen && items.length === 0 ? <li className="combobox__empty">{noMatchText}</li> : null}
      </ul>
      {error ? (
        <small className="field__error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
