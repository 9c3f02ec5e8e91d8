import { initReactI18next } from 'react-i18next';
import i18next from 'i18next';
import { resources, type Language } from '../../shared/i18n';
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

export default i18next;
