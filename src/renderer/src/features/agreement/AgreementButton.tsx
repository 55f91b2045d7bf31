import { lazy, Suspense, useState } from 'react';
import { useToolRequest } from '../../app/tools';
import './agreement.css';

// The report (and its tables) loads when first opened, not with the app.
const AgreementDialog = lazy(() => import('./AgreementDialog').then((m) => ({ default: m.AgreementDialog })));

/** The intercoder agreement report, opened from the top bar's More menu (openTool('agreement')). */
export function AgreementButton() {
  const [open, setOpen] = useState(false);
  useToolRequest('agreement', () => setOpen(true));
  return (
    <>
      {open && (
        <Suspense fallback={null}>
          <AgreementDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
