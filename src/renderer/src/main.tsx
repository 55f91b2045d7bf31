// first: the faces are asked for before the rest of the script runs (fontsLoading.ts)
import { bundledFontsLoading } from './app/fontsLoading';
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-600.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEventTransport } from './api/events';

// main's events (menu commands, changes made elsewhere) reach the page from here on
startEventTransport();

const root = document.getElementById('root');
// the first painted frame has the faces it keeps: no swap re-wraps the article after it
if (root) {
  void bundledFontsLoading.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
