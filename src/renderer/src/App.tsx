import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Codebook, Registry, Settings } from '@shared/model';
import { api, errorMessage } from './api/client';
import { AppContext, type AppState, type Status } from './app/AppContext';
import { useAppEvent } from './app/appEvents';
import { guardHeldChanges } from './app/heldChanges';
import { refreshProjectInfo, setProjectSettings, useProjectInfo } from './app/projectInfo';
import { useTextFieldUndo } from './app/textFieldUndo';
import { I18nContext, useAppStrings } from './i18n';
import { LibraryView } from './library/LibraryView';
import { StatusLine } from './app/StatusLine';
import { MenuButton } from './app/MenuButton';
import { openTool, type Tool } from './app/tools';
import { ProjectMenu, ProjectNotices } from './features/project';
import { CodebookButton } from './features/codebook';
import { AgreementButton } from './features/agreement';
import { CodersButton } from './features/coders';
import { LayersButton } from './features/layers';
import { FindBar, ProjectSearch } from './features/search';
import { ImportControls } from './features/import';
import { ExportControls } from './features/export';
import { useAnalysisStrings } from './features/analysis/strings';
import { useCodersStrings } from './features/coders/strings';
import { useAgreementStrings } from './features/agreement/strings';
import { useLayerStrings } from './features/layers/strings';
import { useProjectStrings } from './features/project/strings';
import { useExportStrings } from './features/export/strings';

// one element for every render, so the memoised reader is not rendered again for it
const findBar = <FindBar />;

// The reader and the claims view are not on the first screen (the library is): their code is
// read when one is first opened, so the page's first script is smaller.
const ReaderView = lazy(() => import('./reader/ReaderView').then((m) => ({ default: m.ReaderView })));
const AnalysisView = lazy(() => import('./features/analysis').then((m) => ({ default: m.AnalysisView })));

// The project's info, codebook and actor registry are asked for as soon as the script runs, with
// the library's first rows (LibraryView.tsx), rather than after the first render.
let firstInfo: Promise<unknown> | null = refreshProjectInfo();
let firstCodebook: Promise<[Codebook, Registry]> | null = Promise.all([
  api['codebook.get']({}),
  api['registry.get']({}),
]);
firstInfo.catch(() => undefined);
firstCodebook.catch(() => undefined);

/** The top bar's rarer tools, in one menu (each feature opens its own dialog: app/tools.ts). */
function TopBarMore() {
  const words = useAppStrings();
  const x = useExportStrings();
  const project = useProjectStrings();
  const labels: Record<Tool, string> = {
    exchange: x.exchangeButton,
    qdpx: x.qdpxButton,
    coders: useCodersStrings().button,
    agreement: useAgreementStrings().button,
    layers: useLayerStrings().button,
    project: project.projectButton,
    backups: project.restoreFromBackup,
  };
  const order: Tool[] = ['coders', 'agreement', 'layers', 'exchange', 'qdpx', 'project', 'backups'];
  const entries = order.map((tool) => ({
    key: tool,
    label: labels[tool],
    testId: `menu-${tool}`,
    onSelect: () => openTool(tool),
  }));
  return <MenuButton label={words.more} entries={entries} testId="more-button" />;
}

type Route =
  | { view: 'library' }
  | { view: 'analysis' }
  | { view: 'reader'; documentId: string; focus?: { start: number; end: number } };

export function App() {
  const { info, generation } = useProjectInfo();
  const [codebook, setCodebook] = useState<Codebook | null>(null);
  // a route belongs to the views of one generation: when they start over, so does it (library)
  const [routed, setRouted] = useState<{ generation: number; route: Route }>({
    generation,
    route: { view: 'library' },
  });
  const route: Route = routed.generation === generation ? routed.route : { view: 'library' };
  const setRoute = useCallback((next: Route) => setRouted({ generation, route: next }), [generation]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [fatal, setFatal] = useState<string | null>(null);

  const reloadInfo = useCallback(async () => {
    const asked = firstInfo ?? refreshProjectInfo();
    firstInfo = null;
    await asked;
  }, []);
  const [registry, setRegistry] = useState<Registry | null>(null);
  // the codebook and the actor registry both live in project.json: read together
  const reloadCodebook = useCallback(async () => {
    const asked = firstCodebook ?? Promise.all([api['codebook.get']({}), api['registry.get']({})]);
    firstCodebook = null;
    const [cb, reg] = await asked;
    setCodebook(cb);
    setRegistry(reg);
  }, []);

  useEffect(() => {
    Promise.all([reloadInfo(), reloadCodebook()]).catch((err: unknown) => setFatal(errorMessage(err)));
  }, [reloadInfo, reloadCodebook]);
  // the codebook is the project's: it may have changed with the project (here or in another window)
  useAppEvent('project.changed', () => void reloadCodebook().catch(() => undefined));
  // Edit ▸ Undo / Redo in a text field outside the reader undoes the typing
  useTextFieldUndo();
  // a change still on its way is sent before the app closes or the page unloads
  useEffect(() => guardHeldChanges(), []);

  const lang = info?.settings.uiLanguage ?? 'en';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  }, [lang]);
  const i18n = useMemo(() => ({ lang }), [lang]);

  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    const settings = await api['settings.update'](patch);
    setProjectSettings(settings);
    return settings;
  }, []);

  const state: AppState | null = useMemo(
    () =>
      info && codebook && registry
        ? {
            info,
            codebook,
            registry,
            settings: info.settings,
            updateSettings,
            reloadCodebook,
            reloadInfo,
            setStatus,
            openDocument: (documentId, focus) => setRoute({ view: 'reader', documentId, ...(focus ? { focus } : {}) }),
            goToLibrary: () => setRoute({ view: 'library' }),
          }
        : null,
    [info, codebook, registry, updateSettings, reloadCodebook, reloadInfo, setRoute],
  );

  const words = useAppStrings.for(lang);
  const analysisWords = useAnalysisStrings.for(lang);
  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Hashiya</h1>
        <p>{fatal}</p>
      </main>
    );
  }
  if (!state) return <p className="loading">{words.loading}</p>;

  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={state}>
        <div className="app" key={generation}>
          <header className="topbar">
            <button type="button" className="brand" onClick={state.goToLibrary}>
              <span lang="en">Hashiya</span> <span lang="ar">حاشية</span>
            </button>
            <nav className="topnav" aria-label={words.mainNav}>
              <button
                type="button"
                aria-current={route.view === 'library' ? 'page' : undefined}
                onClick={state.goToLibrary}
              >
                {words.library}
              </button>
              <button
                type="button"
                aria-current={route.view === 'analysis' ? 'page' : undefined}
                onClick={() => setRoute({ view: 'analysis' })}
              >
                {analysisWords.nav}
              </button>
            </nav>
            <ProjectSearch />
            <div className="topbar-end">
              <ImportControls />
              <ExportControls currentDocumentId={route.view === 'reader' ? route.documentId : undefined} />
              <CodebookButton />
              <TopBarMore />
              <CodersButton />
              <AgreementButton />
              <LayersButton />
              <ProjectMenu />
              <StatusLine status={status} />
              <button
                type="button"
                className="lang-toggle"
                lang={lang === 'en' ? 'ar' : 'en'}
                title={words.switchLanguage}
                onClick={() => void updateSettings({ uiLanguage: lang === 'en' ? 'ar' : 'en' })}
              >
                {words.interfaceLanguage}
              </button>
            </div>
          </header>
          {route.view === 'library' ? (
            <LibraryView />
          ) : (
            // while a view's code is read (once, from the app's own files): the space it takes, empty
            <Suspense fallback={<div className="view-pending" aria-busy="true" />}>
              {route.view === 'analysis' ? (
                <AnalysisView />
              ) : (
                <ReaderView
                  key={route.documentId}
                  documentId={route.documentId}
                  focus={route.focus}
                  findBar={findBar}
                />
              )}
            </Suspense>
          )}
          <ProjectNotices />
        </div>
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}
