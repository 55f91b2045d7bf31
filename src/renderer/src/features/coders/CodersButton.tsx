import { lazy, Suspense, useState } from 'react';
import { useCodersStrings } from './strings';
import './coders.css';

// The dialog loads when first opened, not with the app.
const CodersDialog = lazy(() => import('./CodersDialog').then((m) => ({ default: m.CodersDialog })));

/** The top-bar button that opens the coders dialog (coders, plan, blind coding). */
export function CodersButton() {
  const w = useCodersStrings();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="coders-button">
        {w.button}
      </button>
      {open && (
        <Suspense fallback={null}>
          <CodersDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
