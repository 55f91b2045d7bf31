import { lazy, Suspense, useState } from 'react';
import { useAgreementStrings } from './strings';
import './agreement.css';

// The report (and its tables) loads when first opened, not with the app.
const AgreementDialog = lazy(() => import('./AgreementDialog').then((m) => ({ default: m.AgreementDialog })));

/** The top-bar button that opens the intercoder agreement report. */
export function AgreementButton() {
  const w = useAgreementStrings();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="agreement-button">
        {w.button}
      </button>
      {open && (
        <Suspense fallback={null}>
          <AgreementDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
