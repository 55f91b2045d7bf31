import { lazy, Suspense, useState } from 'react';
import { useToolRequest } from '../../app/tools';
import './coders.css';

// The dialog loads when first opened, not with the app.
const CodersDialog = lazy(() => import('./CodersDialog').then((m) => ({ default: m.CodersDialog })));

/** The coders dialog (coders, plan, blind coding), opened from the top bar's More menu (openTool('coders')). */
export function CodersButton() {
  const [open, setOpen] = useState(false);
  useToolRequest('coders', () => setOpen(true));
  return (
    <>
      {open && (
        <Suspense fallback={null}>
          <CodersDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
