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

/** The language of the call being served (Bahasa Indonesia outside a call). */
export const callLanguage = (): Language => languageOfCall() ?? 'id';

const current = () => catalogues[callLanguage()];

export function msg(key: string, options?: TOptions): string {
  return current().t(key, options ?? {});
}

/**
 * A message as data: a catalogue key and its parameters, which may be messages themselves (the name
 * of a field inside "NIK wajib diisi"). Errors carry it across IPC and HTTP, so a screen renders
 * them in the language it shows now, also after the officer switches.
 */
export interface MessageText {
  key: string;
  params?: Record<string, string | number | MessageText>;
  /** Shown when the catalogue has no such key (a field path main does not know by name). */
  fallback?: string;
}
export type Message = string | MessageText;

export const say = (key: string, params?: MessageText['params']): MessageText =>
  params ? { key, params } : { key };

type Translate = (key: string, options?: TOptions) => string;

/** A message in the given translator's language (main: the caller's; a screen: its own). */
export function render(message: Message, t: Translate = (k, o) => current().t(k, o ?? {})): string {
  if (typeof message === 'string') return message;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    params[name] = typeof value === 'object' ? render(value, t) : value;
  if (message.fallback !== undefined) params.defaultValue = message.fallback;
  return t(message.key, params);
}

export const hasMessage = (key: string): boolean => catalogues.id.exists(key);

/** The name of the field at a path ("complainant.nik" → "NIK"), as a message. */
export function fieldLabel(path: string): MessageText {
  const leaf = path.split('.').pop() ?? path;
  return { key: `fields.${leaf}`, fallback: leaf };
}

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);
