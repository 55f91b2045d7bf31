import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectInfo } from '@shared/api/project';
import type { Codebook, Settings } from '@shared/model';
import { api, errorMessage } from './api/client';
import { AppContext, type AppState, type Status } from './app/AppContext';
import { I18nContext, translator } from './i18n';
import { LibraryView } from './library/LibraryView';
import { ReaderView } from './reader/ReaderView';
import { StatusLine } from './app/StatusLine';
import { ProjectMenu, ProjectNotices } from './features/project';
import { CodebookButton } from './features/codebook';
import { FindBar, ProjectSearch } from './features/search';
import { ImportControls } from './features/import';
import { ExportControls } from './features/export';

type Route = { view: 'library' } | { view: 'reader'; documentId: string; focus?: { start: number; end: number } };

export function App() {
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [codebook, setCodebook] = useState<Codebook | null>(null);
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [fatal, setFatal] = useState<string | null>(null);

  const reloadInfo = useCallback(async () => setInfo(await api['project.info']({})), []);
  const reloadCodebook = useCallback(async () => setCodebook(await api['codebook.get']({})), []);

  useEffect(() => {
    Promise.all([reloadInfo(), reloadCodebook()]).catch((err: unknown) => setFatal(errorMessage(err)));
  }, [reloadInfo, reloadCodebook]);

  const lang = info?.settings.uiLanguage ?? 'en';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  }, [lang]);
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);

  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    const settings = await api['settings.update'](patch);
    setInfo((prev) => (prev ? { ...prev, settings } : prev));
    return settings;
  }, []);

  const state: AppState | null = useMemo(
    () =>
      info && codebook
        ? {
            info,
            codebook,
            settings: info.settings,
            updateSettings,
            reloadCodebook,
            reloadInfo,
            setStatus,
            openDocument: (documentId, focus) => setRoute({ view: 'reader', documentId, ...(focus ? { focus } : {}) }),
            goToLibrary: () => setRoute({ view: 'library' }),
          }
        : null,
    [info, codebook, updateSettings, reloadCodebook, reloadInfo],
  );

  const t = i18n.t;
  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Hashiya</h1>
        <p>{fatal}</p>
      </main>
    );
  }
  if (!state) return <p className="loading">{t('loading')}</p>;

  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={state}>
        <div className="app">
          <header className="topbar">
            <button type="button" className="brand" onClick={state.goToLibrary}>
              <span lang="en">Hashiya</span> <span lang="ar">حاشية</span>
            </button>
            <nav className="topnav" aria-label={t('mainNav')}>
              <button
                type="button"
                aria-current={route.view === 'library' ? 'page' : undefined}
                onClick={state.goToLibrary}
              >
                {t('library')}
              </button>
            </nav>
            <ProjectSearch />
            <div className="topbar-end">
              <ImportControls />
              <ExportControls currentDocumentId={route.view === 'reader' ? route.documentId : undefined} />
              <CodebookButton />
              <ProjectMenu />
              <StatusLine status={status} />
              <button
                type="button"
                className="lang-toggle"
                lang={lang === 'en' ? 'ar' : 'en'}
                title={t('switchLanguage')}
                onClick={() => void updateSettings({ uiLanguage: lang === 'en' ? 'ar' : 'en' })}
              >
                {t('interfaceLanguage')}
              </button>
            </div>
          </header>
          {route.view === 'library' ? (
            <LibraryView />
          ) : (
            <ReaderView
              key={route.documentId}
              documentId={route.documentId}
              focus={route.focus}
              findBar={<FindBar />}
            />
          )}
          <ProjectNotices />
        </div>
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}
