/**
 * Claims over time (issue 16): analysis.timeline's bins drawn as React SVG on d3-scale, one bar per
 * day, week or month (automatic or chosen), stacked by code, actor or position, by the article's
 * or the claim's date. Hovering or focusing a bar shows its counts; a click (or Enter) filters the
 * view to its dates. Saved as SVG or PNG.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '@shared/api';
import type { ClaimFilter, DateField } from '@shared/analysis/filter';
import type { Interval, StackBy } from '@shared/analysis/timeline';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { ErrorAlert } from '../../app/ErrorAlert';
import { codeLabel, useI18n } from '../../i18n';
import { chartFileName, savePng, saveSvg } from './chartExport';
import { settled, take, usePrimer } from './earlyRequests';
import { Field } from './Field';
import { useAnalysisStrings } from './strings';
import { timelineGeometry } from './timelineGeometry';
import { useLatest } from './useAnalysisData';

const FRAME = { width: 800, height: 260, left: 44, right: 16, top: 12, bottom: 40 };
export const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];
const POSITION_COLOURS: Record<string, string> = { '1': '#2e7d32', '0': '#9e9e9e', '-1': '#c62828', none: '#cfd8dc' };

export function Timeline({
  filter,
  revision,
  onPickDates,
}: {
  filter: ClaimFilter;
  revision: number;
  onPickDates: (from: string, to: string, dateField: DateField) => void;
}) {
  const s = useAnalysisStrings();
  const app = useApp();
  const { lang } = useI18n();
  const [interval, setInterval] = useState<Interval>('auto');
  const [stackBy, setStackBy] = useState<StackBy>('code');
  const [dateField, setDateField] = useState<DateField | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  /** a bar has the keyboard's focus: the chart shows a ring */
  const [ring, setRing] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const fieldOf = (f: ClaimFilter): DateField => dateField ?? f.dateField ?? 'document';
  const field = fieldOf(filter);
  const request = (f: ClaimFilter) => {
    const input = { filter: f, interval, stackBy, dateField: fieldOf(f) };
    return {
      key: JSON.stringify({ filter: f, interval, stackBy, field: fieldOf(f), revision }),
      input,
      load: () => api['analysis.timeline'](input),
    };
  };
  const asked = request(filter);
  // after the table's request (useLatest's defer); a new filter's goes out in the click's task,
  // with the table's, as one call, and is here when the view shows the filter (earlyRequests.ts)
  const { data, error } = useLatest(
    asked.key,
    () => take(asked.key, asked.load),
    1,
    settled<Output<'analysis.timeline'>>,
  );
  usePrimer(1, (next) => {
    const { key, input } = request(next);
    return { key, method: 'analysis.timeline', input };
  });

  const codes = useMemo(() => new Map(app.codebook.codes.map((c) => [c.id, c])), [app.codebook]);
  const seriesName = (key: string, name: string) => {
    if (stackBy === 'position') return key === 'none' ? s.noPosition : name;
    const code = stackBy === 'code' ? codes.get(key) : undefined;
    return code ? codeLabel(code, lang) : name;
  };
  const colour = (key: string, i: number) =>
    stackBy === 'code'
      ? (codes.get(key)?.color ?? PALETTE[i % PALETTE.length]!)
      : stackBy === 'position'
        ? (POSITION_COLOURS[key] ?? '#999')
        : PALETTE[i % PALETTE.length]!;

  // drawn once per answer, not again at every render of the view (a click in the filter bar)
  const geometry = useMemo(() => (data ? timelineGeometry(data.bins, FRAME) : null), [data]);
  const series = data?.series ?? [];
  const describe = (i: number) => {
    const bin = data!.bins[i]!;
    const parts = series
      .map((x, k) => [seriesName(x.key, x.name), bin.counts[k] ?? 0] as const)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${name} ${n}`);
    return `${s.barLabel(bin.label, bin.total)}${parts.length > 1 || stackBy !== 'none' ? ` — ${parts.join(', ')}` : ''}`;
  };
  // a click on a bar calls the latest onPickDates (the view gives a new one at each render)
  const pickDates = useRef(onPickDates);
  useLayoutEffect(() => {
    pickDates.current = onPickDates;
  });
  // the bars, made once per answer (and way of drawing it): a render of the view for anything
  // else (the click that changes the filter, before its answer) does not rebuild them
  const bars = useMemo(
    () =>
      geometry?.columns.map((c, i) => (
        <g
          key={c.bin.start}
          role="button"
          tabIndex={0}
          className="timeline-bar"
          data-testid="timeline-bar"
          data-total={c.bin.total}
          aria-label={describe(i)}
          onMouseEnter={() => setShown(i)}
          onFocus={(e) => {
            setShown(i);
            setRing(e.currentTarget.matches(':focus-visible'));
          }}
          onBlur={() => setRing(false)}
          onClick={() => pickDates.current(c.bin.start, c.bin.end, field)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              pickDates.current(c.bin.start, c.bin.end, field);
            }
          }}
        >
          {/* the whole column takes the pointer, so a short bar is easy to hit */}
          <rect
            x={c.x}
            y={FRAME.top}
            width={c.width}
            height={FRAME.height - FRAME.bottom - FRAME.top}
            fill="transparent"
          />
        </g>
      )),
    // describe reads only these
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [geometry, data, stackBy, field, s, lang, codes],
  );
  // each series' segments as one path over the bars (the pointer goes through it to the bar's
  // column): a series is one element to lay out, not one per bar, so a new answer changes a few
  // elements where it removed and added hundreds
  const stacks = useMemo(() => {
    if (!geometry) return null;
    const parts: string[][] = series.map(() => []);
    for (const c of geometry.columns)
      for (const seg of c.segments)
        (parts[seg.series] ??= []).push(`M${c.x},${seg.y}h${c.width}v${seg.height}h${-c.width}Z`);
    return parts.map((d, k) =>
      d.length > 0 ? (
        <path
          key={series[k]?.key ?? k}
          d={d.join('')}
          fill={colour(series[k]?.key ?? '', k)}
          pointerEvents="none"
          data-testid="timeline-series"
        />
      ) : null,
    );
    // colour reads only these
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [geometry, series, stackBy, codes]);
  const save = (kind: 'svg' | 'png') => {
    if (!svg.current) return;
    setSaveError(null);
    if (kind === 'svg') saveSvg(svg.current, chartFileName('timeline', 'svg'));
    else savePng(svg.current, chartFileName('timeline', 'png')).catch((e: unknown) => setSaveError(String(e)));
  };

  return (
    <section className="claims-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{s.timeline}</h2>
      <div className="chart-controls">
        <Field label={s.interval}>
          {(id) => (
            <select id={id} value={interval} onChange={(e) => setInterval(e.target.value as Interval)}>
              <option value="auto">{s.auto}</option>
              <option value="day">{s.day}</option>
              <option value="week">{s.week}</option>
              <option value="month">{s.month}</option>
            </select>
          )}
        </Field>
        <Field label={s.stackBy}>
          {(id) => (
            <select id={id} value={stackBy} onChange={(e) => setStackBy(e.target.value as StackBy)}>
              <option value="none">{s.stackNone}</option>
              <option value="code">{s.stackCode}</option>
              <option value="actor">{s.stackActor}</option>
              <option value="position">{s.stackPosition}</option>
            </select>
          )}
        </Field>
        <Field label={s.dateField}>
          {(id) => (
            <select id={id} value={field} onChange={(e) => setDateField(e.target.value as DateField)}>
              <option value="document">{s.articleDate}</option>
              <option value="claim">{s.claimDate}</option>
            </select>
          )}
        </Field>
        <button type="button" onClick={() => save('svg')} disabled={!geometry}>
          {s.exportSvg}
        </button>
        <button type="button" onClick={() => save('png')} disabled={!geometry}>
          {s.exportPng}
        </button>
      </div>
      <ErrorAlert message={error ?? saveError} />
      {!data && !error ? <p className="claims-reading">{s.loadingRow}</p> : null}
      {data && data.claims === 0 ? <p className="claims-empty">{s.noClaims}</p> : null}
      {geometry && data && data.bins.length > 0 ? (
        <>
          <svg
            ref={svg}
            className={ring ? 'timeline-svg timeline-ring' : 'timeline-svg'}
            // dates and counts read left to right in both interfaces; text-anchor follows this
            direction="ltr"
            viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
            role="group"
            aria-label={s.timeline}
            data-testid="timeline"
            data-interval={data.interval}
          >
            <rect x={0} y={0} width={FRAME.width} height={FRAME.height} fill="#ffffff" />
            {geometry.ticks.map((t) => (
              <g key={t.value}>
                <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={t.y} y2={t.y} stroke="#e0e0e0" />
                <text x={FRAME.left - 6} y={t.y + 4} textAnchor="end" fontSize={13} fill="#333">
                  {t.value}
                </text>
              </g>
            ))}
            {bars}
            {stacks}
            <line
              x1={FRAME.left}
              x2={FRAME.width - FRAME.right}
              y1={FRAME.height - FRAME.bottom}
              y2={FRAME.height - FRAME.bottom}
              stroke="#333"
            />
            {geometry.labels.map((l) => (
              <text
                key={l.index}
                x={l.x}
                y={FRAME.height - FRAME.bottom + 16}
                textAnchor={l.anchor}
                fontSize={13}
                fill="#333"
              >
                {geometry.columns[l.index]!.bin.label}
              </text>
            ))}
          </svg>
          <p className="timeline-shown" data-testid="timeline-shown">
            {shown !== null && data.bins[shown] ? describe(shown) : s.barHint}
            {data.undated > 0 ? ` · ${s.undated(data.undated)}` : ''}
          </p>
          {stackBy !== 'none' && series.length > 0 ? (
            <ul className="chart-legend">
              {series.map((x, i) => (
                <li key={x.key}>
                  <span className="swatch" style={{ background: colour(x.key, i) }} aria-hidden="true" />
                  <bdi>{seriesName(x.key, x.name)}</bdi>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
