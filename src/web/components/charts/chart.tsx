// Draws a chart scene as accessible SVG: role="img" named by its <title> and described
// by its <desc>, plus a button that shows the same figures as a data table.
import { useId, useState } from 'react';
import type { ChartModel, Shape } from './scene.ts';

function ShapeSvg({ shape, hatchId }: { shape: Shape; hatchId: string }) {
  switch (shape.kind) {
    case 'rect':
      return (
        <>
          <rect
            x={shape.x}
            y={shape.y}
            width={shape.width}
            height={shape.height}
            fill={shape.fill}
            stroke={shape.stroke}
          />
          {shape.hatch ? (
            <rect
              x={shape.x}
              y={shape.y}
              width={shape.width}
              height={shape.height}
              fill={`url(#${hatchId})`}
            />
          ) : null}
        </>
      );
    case 'line':
      return (
        <line
          x1={shape.x1}
          y1={shape.y1}
          x2={shape.x2}
          y2={shape.y2}
          stroke={shape.stroke}
          strokeWidth={shape.width ?? 1}
          strokeDasharray={shape.dash?.join(' ')}
        />
      );
    case 'path': {
      const d = shape.points
        .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`)
        .join(' ');
      return (
        <>
          {shape.fill ? (
            <path d={`${d} Z`} fill={shape.fill} fillOpacity={shape.fillOpacity ?? 1} stroke="none" />
          ) : null}
          <path
            d={d}
            fill="none"
            stroke={shape.stroke}
            strokeWidth={shape.width ?? 1}
            strokeDasharray={shape.dash?.join(' ')}
          />
        </>
      );
    }
    case 'circle':
      return <circle cx={shape.cx} cy={shape.cy} r={shape.r} fill={shape.fill} stroke={shape.stroke} />;
    case 'text':
      return (
        <text
          x={shape.x}
          y={shape.y}
          textAnchor={shape.anchor ?? 'start'}
          fontSize={shape.size ?? 12}
          fontWeight={shape.bold ? 700 : 400}
          fill={shape.fill ?? '#1b1f24'}
        >
          {shape.text}
        </text>
      );
  }
}

/** The SVG alone (also used to rasterise a chart). */
export function ChartSvg({ chart, id }: { chart: ChartModel; id: string }) {
  const { scene } = chart;
  return (
    <svg
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      className="chart-svg"
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="system-ui, sans-serif"
    >
      <title id={`${id}-t`}>{chart.title}</title>
      <desc id={`${id}-d`}>{chart.desc}</desc>
      <defs>
        <pattern
          id={`${id}-hatch`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.5" />
        </pattern>
      </defs>
      {scene.shapes.map((s, i) => (
        <ShapeSvg key={i} shape={s} hatchId={`${id}-hatch`} />
      ))}
    </svg>
  );
}

/** A chart in a <figure> with its caption and a toggle to its data table. */
export function Chart({ chart, caption }: { chart: ChartModel; caption?: string }) {
  const id = useId().replace(/:/g, '');
  const [showTable, setShowTable] = useState(false);
  return (
    <figure className="chart" aria-labelledby={`${id}-c`}>
      <figcaption id={`${id}-c`} className="chart-caption">
        {caption ?? chart.title}
      </figcaption>
      <ChartSvg chart={chart} id={id} />
      <button
        type="button"
        className="secondary chart-toggle"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? 'Masquer le tableau de données' : 'Afficher le tableau de données'}
      </button>
      <div id={`${id}-table`} hidden={!showTable} className="chart-table">
        <table>
          <caption className="visually-hidden">{chart.title} — données</caption>
          <thead>
            <tr>
              {chart.table.columns.map((c, i) => (
                <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
