/** One message catalogue for main and renderer, through i18next. Bahasa Indonesia first. */
import i18next, { type i18n, type TOptions } from 'i18next';
import { en } from './en';
import { id } from './id';
import { languages, type Language } from './languages';

export { languages, type Language };

export const resources = { id: { translation: id }, en: { translation: en } } as const;

export function createI18n(lng: Language = 'id'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng,
    fallbackLng: 'id',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes; main never renders HTML from messages
    returnNull: false,
  });
  return instance;
}

/**
 * Main writes each message in the language of the window that called (chosen on its screen), so an
 * officer who works in English reads errors, and the field names in them, in English. Main sets
 * where that language comes from (the call being served); anywhere else it is Bahasa Indonesia.
 */
const catalogues: Record<Language, i18n> = { id: createI18n('id'), en: createI18n('en') };
let languageOfCall: () => Language | undefined = () => undefined;

export function setLanguageSource(source: () => Language | undefined): void {
  languageOfCall = source;
}

const current = () => catalogues[languageOfCall() ?? 'id'];

export function msg(key: string, options?: TOptions): string {
  return current().t(key, options ?? {});
}

export function fieldLabel(path: string): string {
  const leaf = path.split('.').pop() ?? path;
  const key = `fields.${leaf}`;
  const i18n = current();
  return i18n.exists(key) ? i18n.t(key) : leaf;
}

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);
