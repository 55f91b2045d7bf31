/** The dry run's report of a layer import: coders, documents, codes, fields, actors, conflicts, orphans. */
import type { ReactNode } from 'react';
import type { LayerImportReport } from '@shared/api/layers';
import { useApp } from '../../app/AppContext';
import { useLayerStrings } from './strings';

/** long lists show their first rows; the rest is counted */
const SHOWN = 200;

function Limited<T>({ items, render }: { items: readonly T[]; render: (item: T, i: number) => ReactNode }) {
  const w = useLayerStrings();
  if (items.length === 0) return null;
  return (
    <ul className="layers-list">
      {items.slice(0, SHOWN).map(render)}
      {items.length > SHOWN && <li>{w.more(items.length - SHOWN)}</li>}
    </ul>
  );
}

export function LayerReport({ report }: { report: LayerImportReport }) {
  const w = useLayerStrings();
  const { codebook } = useApp();
  const codeName = (id: string) => codebook.codes.find((c) => c.id === id)?.name ?? id;
  const c = report.counts;
  return (
    <section className="layers-report" aria-label={w.check} data-testid="layers-report">
      <p data-testid="layers-summary">{w.summary(c.added, c.alreadyPresent, c.conflicts, c.orphans)}</p>
      {c.ownSkipped > 0 && <p>{w.ownSkipped(c.ownSkipped)}</p>}
      <table className="layers-table" data-testid="layers-coders">
        <caption>{w.coders}</caption>
        <thead>
          <tr>
            <th scope="col">{w.coder}</th>
            <th scope="col">{w.inFile}</th>
            <th scope="col">{w.toAdd}</th>
            <th scope="col">{w.present}</th>
          </tr>
        </thead>
        <tbody>
          {report.coders.map((coder) => (
            <tr key={coder.id}>
              <th scope="row">
                <bdi>{coder.name}</bdi> {!coder.known && <span className="layers-tag">{w.newCoder}</span>}
              </th>
              <td>{coder.annotations.toLocaleString()}</td>
              <td>{coder.added.toLocaleString()}</td>
              <td>{coder.alreadyPresent.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="layers-table" data-testid="layers-documents">
        <caption>{w.documents}</caption>
        <thead>
          <tr>
            <th scope="col">{w.theirDocument}</th>
            <th scope="col">{w.ourDocument}</th>
            <th scope="col">{w.match}</th>
            <th scope="col">{w.toAdd}</th>
          </tr>
        </thead>
        <tbody>
          {report.documents.slice(0, SHOWN).map((d, i) => (
            <tr key={`${d.sourceId ?? ''}-${i}`}>
              <th scope="row">
                <bdi>{d.sourceTitle || d.sourceId}</bdi>
              </th>
              <td>
                <bdi>{d.title}</bdi>
              </td>
              <td>
                {d.match === 'sha256'
                  ? w.matchSha
                  : d.match === 'near_duplicate'
                    ? w.matchNear(d.similarity ?? 0)
                    : w.matchNone}
              </td>
              <td>
                {d.added.toLocaleString()} / {d.annotations.toLocaleString()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.documents.length > SHOWN && <p>{w.more(report.documents.length - SHOWN)}</p>}
      <h3>{w.codesTitle}</h3>
      <p>{w.codesById(report.codes.byId)}</p>
      <Limited
        items={[
          ...report.codes.byName.map((x) => w.codeByName(x.name, codeName(x.id))),
          ...report.codes.added.map((x) => w.codeAdded(x.name)),
          ...report.fields.byName.map((x) => w.fieldByName(x.sourceKey, x.key)),
          ...report.actorsAdded.map((x) => w.actorAdded(x.name)),
        ]}
        render={(text, i) => (
          <li key={i}>
            <bdi>{text}</bdi>
          </li>
        )}
      />
      {report.conflicts.length > 0 && (
        <>
          <h3>{w.conflicts}</h3>
          <Limited
            items={report.conflicts}
            render={(x, i) => (
              <li key={i} data-kind={x.kind}>
                <bdi>{x.message}</bdi>
              </li>
            )}
          />
        </>
      )}
      {report.orphans.length > 0 && (
        <>
          <h3>{w.orphans}</h3>
          <Limited
            items={report.orphans}
            render={(x, i) => (
              <li key={i} data-reason={x.reason}>
                <bdi>{x.message}</bdi> {x.exact && <q dir="auto">{x.exact}</q>}
              </li>
            )}
          />
        </>
      )}
    </section>
  );
}
