/** The list of the reader's keys (`?`), made from the command table, in the interface language. */
import { Modal } from '../app/Modal';
import { READER_KEYS } from './commands';
import { useKeyHelpStrings } from './cursor/keyHelpStrings';

export function KeysDialog({ onClose }: { onClose: () => void }) {
  const h = useKeyHelpStrings();
  return (
    <Modal label={h.title} onClose={onClose} className="keys-dialog">
      <h2 id="keys-title">{h.title}</h2>
      <p>{h.intro}</p>
      {/* scrolls on its own in a low window, so the title and Close stay in sight (a Tab stop: arrows scroll it) */}
      <div className="keys-scroll" role="region" aria-labelledby="keys-title" tabIndex={0}>
        <table data-testid="keys-table">
          <thead>
            <tr>
              <th scope="col">{h.keysColumn}</th>
              <th scope="col">{h.actionColumn}</th>
            </tr>
          </thead>
          <tbody>
            {READER_KEYS.map((b) => (
              <tr key={b.id}>
                <td>
                  {b.keys.map((k) => (
                    <kbd key={k} dir="ltr">
                      {k}
                    </kbd>
                  ))}
                </td>
                <td>{h[b.id]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={onClose} autoFocus>
        {h.close}
      </button>
    </Modal>
  );
}
