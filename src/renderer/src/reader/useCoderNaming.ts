/** The project's coders as the reader names them (coders.list), read again when the project changes (a rename). */
import { useEffect, useMemo, useState } from 'react';
import { coderNaming, type CoderNaming } from '@shared/coders/naming';
import { api } from '../api/client';
import { useAppEvent } from '../app/appEvents';

export function useCoderNaming(): CoderNaming {
  const [coders, setCoders] = useState<readonly { id: string; name: string }[]>([]);
  const [revision, setRevision] = useState(0);
  useAppEvent('project.changed', () => setRevision((r) => r + 1));
  useEffect(() => {
    let live = true;
    api['coders.list']({}).then(
      (state) => live && setCoders(state.coders),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [revision]);
  return useMemo(() => coderNaming(coders), [coders]);
}
