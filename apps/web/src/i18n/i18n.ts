import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { APPLICANT_NAMESPACES, DEFAULT_LANGUAGE, LANGUAGES, type Language } from './namespaces';

// One chunk per catalogue, loaded when a page first needs it.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogues[`./locales/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

const STORAGE_KEY = 'prague-grants.language';

export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : DEFAULT_LANGUAGE;
}

/** Keys a page asked for that no catalogue has: the browser tests read this and fail on any. */
declare global {
  interface Window {
    __missingMessageKeys?: string[];
  }
}

export async function setupI18n(): Promise<typeof i18n> {
  window.__missingMessageKeys = [];
  await i18n
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      supportedLngs: [...LANGUAGES],
      fallbackLng: { uk: ['en'], en: ['cs'], default: ['cs'] },
      ns: ['common', 'errors'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      saveMissing: true,
      missingKeyHandler: (languages, namespace, key) => {
        window.__missingMessageKeys?.push(`${languages.join(',')}:${namespace}:${key}`);
      },
      react: { useSuspense: true },
    });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    window.localStorage.setItem(STORAGE_KEY, language);
  });
  return i18n;
}

export { APPLICANT_NAMESPACES };
