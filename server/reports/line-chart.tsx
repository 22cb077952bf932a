import { FONT, Frame, WIDTH } from './charts';

const LEGEND_STEP = 165;
const THRESHOLD_DASH = '12 3 2 3';

export type Series = { name: string; values: (number | undefined)[] };
/** One mark a series: a dash pattern and a marker shape, so lines are told apart without colour. */
const LOOKS = [
  { dash: undefined, marker: 'circle' },
  { dash: '8 4', marker: 'square' },
  { dash: '2 3', marker: 'triangle' },
] as const;

function Marker(props: { shape: (typeof LOOKS)[number]['marker']; x: number; y: number }) {
  const { x, y } = props;
  if (props.shape === 'circle') return <circle cx={x} cy={y} r={3.5} fill="#212b32" />;
  if (props.shape === 'square')
    return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill="#ffffff" stroke="#212b32" />;
  return (
    <path d={`M ${x} ${y - 4.5} L ${x + 4.5} ${y + 3.5} L ${x - 4.5} ${y + 3.5} Z`} fill="#ffffff" stroke="#212b32" />
  );
}

/**
 * Shares (per cent) week by week, one line a series; the threshold as a labelled rule; each model change as a
 * labelled vertical line at its week. A suppressed value breaks the line rather than drawing a guess.
 */
export function LineChart(props: {
  id: string;
  label: string;
  labels: string[];
  series: Series[];
  threshold?: number;
  marks: { index: number; text: string }[];
}) {
  const height = 300;
  const [left, top, bottom] = [48, 40, 56];
  const plot = { width: WIDTH - left - 16, height: height - top - bottom };
  const step = plot.width / Math.max(1, props.labels.length - 1);
  const x = (index: number) => left + index * step;
  const y = (value: number) => top + plot.height - (Math.min(100, value) / 100) * plot.height;
  const every = Math.ceil(props.labels.length / 10);
  return (
    <Frame id={props.id} label={props.label} height={height}>
      {[0, 25, 50, 75, 100].map((tick) => (
        <g key={tick}>
          <line x1={left} y1={y(tick)} x2={WIDTH - 16} y2={y(tick)} stroke="#d8dde0" />
          <text {...FONT} x={left - 6} y={y(tick) + 4} text-anchor="end">{`${tick} %`}</text>
        </g>
      ))}
      {props.labels.map((label, index) =>
        index % every === 0 ? (
          <text key={label} {...FONT} font-size={10} x={x(index)} y={top + plot.height + 16} text-anchor="middle">
            {label}
          </text>
        ) : null,
      )}
      {props.threshold !== undefined && (
        <g>
          <line
            x1={left}
            y1={y(props.threshold)}
            x2={WIDTH - 16}
            y2={y(props.threshold)}
            stroke="#212b32"
            stroke-width={2}
            stroke-dasharray={THRESHOLD_DASH}
          />
          <line
            x1={left + 3 * LEGEND_STEP}
            y1={height - 20}
            x2={left + 3 * LEGEND_STEP + 36}
            y2={height - 20}
            stroke="#212b32"
            stroke-width={2}
            stroke-dasharray={THRESHOLD_DASH}
          />
          <text {...FONT} x={left + 3 * LEGEND_STEP + 44} y={height - 16}>{`Threshold ${props.threshold} %`}</text>
        </g>
      )}
      {props.marks.map((mark, number) => (
        <g key={`${mark.index}-${mark.text}`}>
          <line
            x1={x(mark.index)}
            y1={top - 10 - 14 * (number % 2)}
            x2={x(mark.index)}
            y2={top + plot.height}
            stroke="#212b32"
            stroke-dasharray="1 2"
          />
          <text
            {...FONT}
            font-size={10}
            x={x(mark.index) + (x(mark.index) > WIDTH / 2 ? -3 : 3)}
            y={top - 12 - 14 * (number % 2)}
            text-anchor={x(mark.index) > WIDTH / 2 ? 'end' : 'start'}
          >
            {mark.text}
          </text>
        </g>
      ))}
      {props.series.map((series, number) => {
        const look = LOOKS[number % LOOKS.length] ?? LOOKS[0];
        const runs: string[] = [];
        let run = '';
        series.values.forEach((value, index) => {
          if (value === undefined) {
            if (run) runs.push(run);
            run = '';
          } else run += `${run ? ' L' : 'M'} ${x(index).toFixed(1)} ${y(value).toFixed(1)}`;
        });
        if (run) runs.push(run);
        const legendY = height - 20;
        const legendX = left + number * LEGEND_STEP;
        return (
          <g key={series.name}>
            {runs.map((d) => (
              <path key={d} d={d} fill="none" stroke="#212b32" stroke-width={2} stroke-dasharray={look.dash} />
            ))}
            {series.values.map((value, index) =>
              value === undefined ? null : <Marker key={index} shape={look.marker} x={x(index)} y={y(value)} />,
            )}
            <line
              x1={legendX}
              y1={legendY}
              x2={legendX + 36}
              y2={legendY}
              stroke="#212b32"
              stroke-width={2}
              stroke-dasharray={look.dash}
            />
            <Marker shape={look.marker} x={legendX + 18} y={legendY} />
            <text {...FONT} x={legendX + 44} y={legendY + 4}>
              {series.name}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}
