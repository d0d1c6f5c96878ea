import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';

/** Modules of light border that scanners need around the code (ISO/IEC 18004). */
const QUIET_ZONE = 4;

export interface QrCodeProps {
  /** What the code carries: an `otpauth://` URI, a receipt's tracking URL, a pledge's public address. */
  text: string;
  /** What a screen reader says instead, e.g. "QR code for adding Satupintu to an authenticator app". */
  label: string;
  /** Width and height in CSS pixels; the drawing scales without blurring. */
  size?: number;
  /** L, M (default), Q or H: higher levels survive more damage (a folded poster) in a denser code. */
  errorCorrection?: QRCodeErrorCorrectionLevel;
}

/**
 * A QR code as inline SVG, drawn from the `qrcode` package's module matrix as Preact elements: the only
 * text that reaches the page is the label, escaped like any other attribute, so no raw markup is needed.
 * Rendered on the server, it works without JavaScript and prints sharply on posters and receipts.
 */
export function QrCode({ text, label, size = 200, errorCorrection = 'M' }: QrCodeProps) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: errorCorrection });
  const extent = modules.size + 2 * QUIET_ZONE;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shape-rendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#ffffff" />
      <path fill="#000000" d={qrPath(modules)} />
    </svg>
  );
}

/** One rectangle per horizontal run of dark modules: `M x y h length v1 h-length z`. */
function qrPath(modules: { size: number; get(row: number, col: number): number }): string {
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      const length = col - start;
      commands.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${length}v1h-${length}z`);
    }
  }
  return commands.join('');
}
