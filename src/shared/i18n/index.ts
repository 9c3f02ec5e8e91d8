/** One message catalogue for main and renderer, through i18next. Bahasa Indonesia first. */
import i18next, { type i18n, type TOptions } from 'i18next';
import { en } from './en';
import { id } from './id';

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

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

/** The server side speaks Bahasa Indonesia: error messages go to officers in their language. */
const serverI18n = createI18n('id');

export function msg(key: string, options?: TOptions): string {
  return serverI18n.t(key, options ?? {});
}

export function fieldLabel(path: string): string {
  const leaf = path.split('.').pop() ?? path;
  const key = `fields.${leaf}`;
  return serverI18n.exists(key) ? serverI18n.t(key) : leaf;
}
