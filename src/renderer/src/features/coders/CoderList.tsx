/** The project's coders, mine marked, each renamable in place (coders.rename). */
import { useState } from 'react';
import type { CodersState } from '@shared/api/coders';
import { api, errorMessage } from '../../api/client';
import { useCodersStrings } from './strings';

export function CoderList({
  state,
  onChanged,
  onError,
}: {
  state: CodersState;
  onChanged: (next: CodersState) => void;
  onError: (message: string | null) => void;
}) {
  const w = useCodersStrings();
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  if (state.coders.length === 0) return <p>{w.noCoders}</p>;
  const save = async (id: string) => {
    try {
      onChanged(await api['coders.rename']({ id, name: name.trim() }));
      onError(null);
      setEditing(null);
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  return (
    <ul className="coders-list" data-testid="coders-list">
      {state.coders.map((c) => (
        <li key={c.id} data-coder-id={c.id}>
          {editing === c.id ? (
            <form
              className="coders-rename"
              onSubmit={(e) => {
                e.preventDefault();
                if (name.trim() !== '') void save(c.id);
              }}
            >
              <input
                autoFocus
                dir="auto"
                value={name}
                maxLength={200}
                aria-label={w.nameLabel(c.name)}
                onChange={(e) => setName(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    e.preventDefault();
                    e.stopPropagation();
                    setEditing(null);
                  }
                }}
              />
              <button type="submit" className="primary small" disabled={name.trim() === ''}>
                {w.save}
              </button>
              <button type="button" className="small" onClick={() => setEditing(null)}>
                {w.cancel}
              </button>
            </form>
          ) : (
            <>
              <bdi className="coders-name">{c.name}</bdi>
              {state.me?.id === c.id && <span className="coders-me">{w.me}</span>}
              <code className="coders-id">{c.id}</code>
              <button
                type="button"
                className="small"
                aria-label={w.renameCoder(c.name)}
                onClick={() => {
                  setName(c.name);
                  setEditing(c.id);
                }}
              >
                {w.rename}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
