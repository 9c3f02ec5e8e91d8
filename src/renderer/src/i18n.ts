import { initReactI18next } from 'react-i18next';
import i18next from 'i18next';
import { render, resources, say, type Language, type MessageText } from '../../shared/i18n';
import type { DeskError, ErrorCode } from '../../shared/result';
import { api } from './api/client';

const stored = localStorage.getItem('desk.language');
const lng: Language = stored === 'en' ? 'en' : 'id';

void i18next.use(initReactI18next).init({
  resources,
  lng,
  fallbackLng: 'id',
  initAsync: false,
  interpolation: { escapeValue: false },
});
document.documentElement.lang = lng;
// Main writes its messages (errors, field names) in the language this window shows.
const tellMain = (language: Language) => void api['app.setLanguage']({ language }).catch(() => undefined);
tellMain(lng);

export function setLanguage(language: Language): void {
  localStorage.setItem('desk.language', language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
  tellMain(language);
}

const translate = (key: string, options?: object): string => String(i18next.t(key, options as never));

/** An error in the language this window shows now: main sends it as a key (older callers: text). */
export const errorText = (error: DeskError): string =>
  error.text ? render(error.text, translate) : error.message;

/** A field's message from an error, in the language this window shows now. */
export function fieldErrorText(error: DeskError | null | undefined, field: string): string | undefined {
  const text = error?.fieldTexts?.[field];
  return text ? render(text, translate) : error?.fields?.[field];
}

/** A refusal decided on this screen, carried as a key like main's so it follows a language switch. */
export function localError(code: ErrorCode, text: MessageText, fields: string[] = []): DeskError {
  const error: DeskError = { code, message: render(text, translate), text };
  if (fields.length) {
    error.fields = Object.fromEntries(fields.map((f) => [f, error.message]));
    error.fieldTexts = Object.fromEntries(fields.map((f) => [f, text]));
  }
  return error;
}
export { say };

export default i18next;
