import { initReactI18next } from 'react-i18next';
import i18next from 'i18next';
import { resources, type Language } from '../../shared/i18n';

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

export function setLanguage(language: Language): void {
  localStorage.setItem('desk.language', language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export default i18next;
