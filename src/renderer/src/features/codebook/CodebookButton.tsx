import { lazy, Suspense, useState } from 'react';
import { useCodebookStrings } from './strings';

// The codebook window (and its editing logic) loads when first opened, not with the app.
const CodebookDialog = lazy(() => import('./CodebookDialog').then((m) => ({ default: m.CodebookDialog })));

/** The top-bar button that opens the codebook window. */
export function CodebookButton() {
  const c = useCodebookStrings();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {c.codebook}
      </button>
      {open && (
        <Suspense fallback={null}>
          <CodebookDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
