/** Issue 9, item 10: Enter chooses from the list as the text in the box filters it at that moment. */
import { describe, expect, it } from 'vitest';
import { choiceOnEnter } from '../../src/renderer/src/components/Combobox';

const subcategories = [
  { value: '1', label: 'Akta Kelahiran' },
  { value: '2', label: 'Akta Kematian' },
  { value: '3', label: 'KTP' },
  { value: '4', label: 'Kartu Keluarga' },
];

describe('Enter in a type-ahead box', () => {
  it('takes the first match of the text typed, even when the highlighted option is from a list that lags behind', () => {
    // The list on screen was rendered before "ktp" was typed: its first row is Akta Kelahiran.
    expect(choiceOnEnter(subcategories, 'ktp', subcategories[0])?.label).toBe('KTP');
    expect(choiceOnEnter(subcategories, 'kema', subcategories[0])?.label).toBe('Akta Kematian');
  });

  it('keeps the option the officer moved to when it still matches', () => {
    expect(choiceOnEnter(subcategories, 'akta', subcategories[1])?.label).toBe('Akta Kematian');
    expect(choiceOnEnter(subcategories, '', subcategories[3])?.label).toBe('Kartu Keluarga');
  });

  it('chooses nothing when nothing matches', () => {
    expect(choiceOnEnter(subcategories, 'xyz', subcategories[0])).toBeUndefined();
  });
});
