/**
 * The language of the call being served, for the messages main writes (errors, field names). Each
 * window tells main its officer's choice (app.setLanguage); the dispatcher serves each call inside
 * that language, across every await of its handler.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setLanguageSource, type Language } from '../../shared/i18n';

const calls = new AsyncLocalStorage<Language>();
setLanguageSource(() => calls.getStore());

export function inLanguage<T>(language: Language, work: () => T): T {
  return calls.run(language, work);
}
