import type { ProcedureStep } from './standards.content.js';

/** Drawing units: the viewBox is about a phone's width, so text stays legible without zooming. */
const WIDTH = 340;
const BOX_X = 16;
const BOX_WIDTH = WIDTH - 2 * BOX_X;
const PAD = 12;
const LINE = 18;
const META_LINE = 16;
const GAP = 28;
/** Characters per line at 14 units in a bold sans-serif font (measured in Chromium), across the box less its padding. */
const CHARS_PER_LINE = 30;
const META_CHARS = 36;

/** Greedy word wrap; a word longer than a line is cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!rest) continue;
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface FlowchartProps {
  steps: readonly ProcedureStep[];
  /** Says who does a step and how long it takes, e.g. "Petugas loket · 1 hari kerja". */
  describe: (step: ProcedureStep) => string;
  /** The chart's accessible name, e.g. "Bagan alur layanan". */
  title: string;
  /** Tells a screen reader where the same steps are written out (the ordered list is the text alternative). */
  description: string;
  /** Prefix for the ids inside the drawing, unique on the page. */
  id?: string;
}

/**
 * The procedure as a top-to-bottom flowchart in inline SVG, drawn on the server: no script, no image
 * request, sharp when printed. It is a picture of the ordered list next to it, which stays the text
 * alternative: the drawing carries a title and a description that points there.
 */
export function Flowchart({ steps, describe, title, description, id = 'flowchart' }: FlowchartProps) {
  let y = GAP / 2;
  const boxes = steps.map((step, index) => {
    const titleLines = wrapText(`${index + 1}. ${step.title}`, CHARS_PER_LINE);
    const metaLines = wrapText(describe(step), META_CHARS);
    const height = PAD + titleLines.length * LINE + metaLines.length * META_LINE + PAD - 2;
    const box = { step, top: y, height, titleLines, metaLines };
    y += height + GAP;
    return box;
  });
  const height = Math.max(y - GAP / 2, 40);
  const center = BOX_X + BOX_WIDTH / 2;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="sp-flowchart__svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      font-family="system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M0 0L10 5L0 10z" fill="#0b0c0c" />
        </marker>
      </defs>
      {boxes.map((box, index) => (
        <g>
          <rect
            x={BOX_X}
            y={box.top}
            width={BOX_WIDTH}
            height={box.height}
            rx={index === 0 || index === boxes.length - 1 ? 18 : 4}
            fill="#f2f7f6"
            stroke="#00615a"
            stroke-width="2"
          />
          {box.titleLines.map((line, i) => (
            <text x={BOX_X + PAD} y={box.top + PAD + 13 + i * LINE} font-size="14" font-weight="700" fill="#0b0c0c">
              {line}
            </text>
          ))}
          {box.metaLines.map((line, i) => (
            <text x={BOX_X + PAD} y={box.top + PAD + 13 + box.titleLines.length * LINE + i * META_LINE} font-size="12.5" fill="#3d4447">
              {line}
            </text>
          ))}
          {index < boxes.length - 1 && (
            <line
              x1={center}
              y1={box.top + box.height}
              x2={center}
              y2={box.top + box.height + GAP - 2}
              stroke="#0b0c0c"
              stroke-width="2"
              marker-end={`url(#${id}-arrow)`}
            />
          )}
        </g>
      ))}
    </svg>
  );
}
