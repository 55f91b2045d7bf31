/**
 * Export the codebook (Hashiya JSON or REFI-QDA .qdc) and import one: the import is previewed
 * first (new codes, codes matched by name, differences) and applied only when confirmed.
 */
import { useRef, useState } from 'react';
import type { Output } from '@shared/api';
import { api, errorMessage } from '../../api/client';
import { Modal } from '../../app/Modal';
import { downloadFile } from '../../app/download';
import { useCodebookStrings } from './strings';

type Preview = Output<'codebook.import'>;

export function ExchangeButtons({ onImported }: { onImported: () => Promise<void> }) {
  const c = useCodebookStrings();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [prefer, setPrefer] = useState<'current' | 'incoming'>('current');
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: 'json' | 'qdc') => {
    try {
      const r = await api['codebook.export']({ format });
      downloadFile(r.fileName, r.content, r.mimeType);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const load = async (f: File) => {
    setError(null);
    try {
      const content = await f.text();
      const p = await api['codebook.import']({ fileName: f.name, content, dryRun: true });
      setFile({ fileName: f.name, content });
      setPreview(p);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const apply = async () => {
    if (!file) return;
    try {
      await api['codebook.import']({ ...file, prefer });
      setPreview(null);
      setFile(null);
      await onImported();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const list = (items: string[]) => (items.length === 0 ? c.nothing : items.join(', '));

  return (
    <div className="cb-exchange">
      <button type="button" onClick={() => void exportAs('json')}>
        {c.exportJson}
      </button>
      <button type="button" onClick={() => void exportAs('qdc')}>
        {c.exportQdc}
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        {c.importFile}
      </button>
      <input
        ref={input}
        type="file"
        accept=".qdc,.xml,.json,application/json,application/xml"
        hidden
        aria-label={c.importFile}
        data-testid="codebook-import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void load(f);
        }}
      />
      {error && (
        <p className="cb-error" role="alert">
          {error}
        </p>
      )}
      {preview && file && (
        <Modal label={`${c.importPreview} ${file.fileName}`} onClose={() => setPreview(null)} className="cb-import">
          <h2>
            {c.importPreview} “{file.fileName}”
          </h2>
          <dl>
            <dt>
              {c.added} ({preview.added.length})
            </dt>
            <dd>{list(preview.added)}</dd>
            <dt>
              {c.merged} ({preview.merged.length})
            </dt>
            <dd>{list(preview.merged)}</dd>
            <dt>
              {c.conflicts} ({preview.conflicts.length})
            </dt>
            <dd>
              {preview.conflicts.length === 0 ? (
                c.nothing
              ) : (
                <ul>
                  {preview.conflicts.map((x, i) => (
                    <li key={i} dir="auto">
                      {x.message}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {preview.conflicts.length > 0 && (
            <fieldset>
              <label>
                <input
                  type="radio"
                  name="prefer"
                  checked={prefer === 'current'}
                  onChange={() => setPrefer('current')}
                />{' '}
                {c.keepOurs}
              </label>
              <label>
                <input
                  type="radio"
                  name="prefer"
                  checked={prefer === 'incoming'}
                  onChange={() => setPrefer('incoming')}
                />{' '}
                {c.takeTheirs}
              </label>
            </fieldset>
          )}
          <div className="cb-actions">
            <button type="button" className="primary" onClick={() => void apply()}>
              {c.apply}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {c.cancel}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
