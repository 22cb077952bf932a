import type { ComponentChildren } from 'preact';

/**
 * Charts as SVG drawn on the server: no script, nothing the page's CSP refuses (presentation attributes, never style
 * attributes). Readable in black and white: bars are hatched, lines differ by dash and marker, every value and every
 * mark is labelled in words. Each chart is a picture of the table printed beside it, which screen readers read.
 */
export const WIDTH = 720;
export const FONT = { 'font-family': 'Arial, sans-serif', 'font-size': 12, fill: '#212b32' };

export function Frame(props: { id: string; label: string; height: number; children: ComponentChildren }) {
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${props.height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.label}</title>
      <defs>
        <pattern
          id={`${props.id}-hatch`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#212b32" stroke-width="3" />
        </pattern>
      </defs>
      {props.children}
    </svg>
  );
}

/** A round top for a scale: 1, 2 or 5 times a power of ten, at least `max`. */
function niceTop(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((step) => step * power).find((top) => top >= max) as number) ?? max;
}

/** Columns, one a week: a count or a working-days histogram. A suppressed value is no column, and says so. */
export function ColumnChart(props: { id: string; label: string; labels: string[]; values: (number | undefined)[] }) {
  const height = 240;
  const [left, top, bottom] = [48, 12, 52];
  const plot = { width: WIDTH - left - 8, height: height - top - bottom };
  const max = niceTop(Math.max(0, ...props.values.map((value) => value ?? 0)));
  const step = plot.width / Math.max(1, props.values.length);
  const every = Math.ceil(props.values.length / 12);
  const y = (value: number) => top + plot.height - (value / max) * plot.height;
  return (
    <Frame id={props.id} label={props.label} height={height}>
      <line x1={left} y1={y(0)} x2={WIDTH - 8} y2={y(0)} stroke="#212b32" />
      {[0, max / 2, max].map((tick) => (
        <text key={tick} {...FONT} x={left - 6} y={y(tick) + 4} text-anchor="end">
          {tick.toLocaleString('en-GB')}
        </text>
      ))}
      {props.values.map((value, index) => {
        const x = left + index * step;
        const label = props.labels[index] ?? '';
        return (
          <g key={label}>
            {value === undefined ? (
              <text {...FONT} font-size={10} x={x + step / 2} y={y(0) - 4} text-anchor="middle">
                {'<5'}
              </text>
            ) : (
              <rect
                x={x + step * 0.15}
                y={y(value)}
                width={step * 0.7}
                height={y(0) - y(value)}
                fill={`url(#${props.id}-hatch)`}
                stroke="#212b32"
              />
            )}
            {index % every === 0 && (
              <text {...FONT} font-size={10} x={x + step / 2} y={height - bottom + 16} text-anchor="middle">
                {label}
              </text>
            )}
          </g>
        );
      })}
    </Frame>
  );
}

/** Horizontal bars, one a category, each with its value written at its end. */
export function BarChart(props: { id: string; label: string; labels: string[]; values: (number | undefined)[] }) {
  const row = 26;
  const left = 250;
  const height = Math.max(1, props.labels.length) * row + 8;
  const max = niceTop(Math.max(0, ...props.values.map((value) => value ?? 0)));
  const width = (value: number) => ((WIDTH - left - 90) * value) / max;
  return (
    <Frame id={props.id} label={props.label} height={height}>
      {props.labels.map((label, index) => {
        const value = props.values[index];
        const y = 4 + index * row;
        return (
          <g key={label}>
            <text {...FONT} x={left - 8} y={y + 16} text-anchor="end">
              {label.length > 38 ? `${label.slice(0, 37)}…` : label}
            </text>
            {value !== undefined && (
              <rect
                x={left}
                y={y + 3}
                width={width(value)}
                height={row - 8}
                fill={`url(#${props.id}-hatch)`}
                stroke="#212b32"
              />
            )}
            <text {...FONT} x={left + (value === undefined ? 0 : width(value)) + 6} y={y + 16}>
              {value === undefined ? 'fewer than 5' : value.toLocaleString('en-GB')}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}
