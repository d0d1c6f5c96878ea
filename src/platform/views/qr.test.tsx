import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QrCode } from './qr.js';
import { renderFragment } from './render.js';

const URI =
  'otpauth://totp/Satupintu:siti%40example.go.id?issuer=Satupintu&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30';
const LABEL = 'QR code for adding Satupintu to an authenticator app';

type Modules = Set<string>;

/** The dark modules of our path: `M x y h n v1 h-n z` per run, offset by the quiet zone. */
function modulesOfOurPath(d: string): Modules {
  const dark: Modules = new Set();
  for (const [, x, y, n] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(n); i++) dark.add(`${Number(y) - 4},${Number(x) + i - 4}`);
  }
  return dark;
}

/** The dark modules of the `qrcode` package's own SVG: a stroked path of `M x y.5`, `m dx 0` and `h n`. */
function modulesOfLibrarySvg(svg: string, margin: number): Modules {
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)![1]!;
  const dark: Modules = new Set();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Math.floor(Number(b))];
    else if (cmd === 'm') x += Number(a);
    else {
      for (let i = 0; i < Number(a); i++) dark.add(`${y - margin},${x + i - margin}`);
      x += Number(a);
    }
  }
  return dark;
}

function modulesOfMatrix(text: string): Modules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark: Modules = new Set();
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.add(`${row},${col}`);
  }
  return dark;
}

describe('QrCode', () => {
  const html = renderFragment(<QrCode text={URI} label={LABEL} />);
  const path = /<path fill="#000000" d="([^"]+)"/.exec(html)?.[1] ?? '';

  it('renders one standalone SVG element, labelled for screen readers', () => {
    expect(html).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
    expect(html).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('role="img"');
    expect(html).toContain(`aria-label="${LABEL}"`);
    expect(html).toContain('width="200" height="200"');
    expect(html).toMatch(/shape-rendering="crispEdges"/);
    // A light background under the code, so it scans on any page colour.
    expect(html).toMatch(/<rect width="(\d+)" height="\1" fill="#ffffff"\s*\/?>(<\/rect>)?<path/);
  });

  it('spans the matrix plus a quiet zone of four modules on each side', () => {
    const { modules } = QRCode.create(URI, { errorCorrectionLevel: 'M' });
    const extent = modules.size + 8;
    expect(html).toContain(`viewBox="0 0 ${extent} ${extent}"`);
    expect(path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });

  it("draws exactly the package's modules, the same as its own SVG renderer", async () => {
    const ours = modulesOfOurPath(path);
    expect(ours).toEqual(modulesOfMatrix(URI));
    expect(ours).toEqual(modulesOfLibrarySvg(await QRCode.toString(URI, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }), 4));
    // The three finder patterns: a 7×7 dark ring at top left, top right and bottom left.
    const { modules } = QRCode.create(URI, { errorCorrectionLevel: 'M' });
    for (const [r, c] of [
      [0, 0],
      [0, modules.size - 7],
      [modules.size - 7, 0],
    ] as const) {
      for (let i = 0; i < 7; i++) {
        expect(ours.has(`${r},${c + i}`) && ours.has(`${r + 6},${c + i}`) && ours.has(`${r + i},${c}`)).toBe(true);
      }
    }
  });

  it('puts only the label into the page as text, escaped, and never the encoded text', () => {
    const hostile = renderFragment(<QrCode text={URI} label={'Kode "QR" <script>alert(1)</script> & lainnya'} size={160} />);
    expect(hostile).toContain('aria-label="Kode &quot;QR&quot; &lt;script>alert(1)&lt;/script> &amp; lainnya"');
    expect(hostile).not.toContain('<script>');
    expect(hostile).not.toContain('JBSWY3DP');
    expect(hostile).toContain('width="160" height="160"');
  });

  it('makes a denser code at a higher error-correction level', () => {
    const low = renderFragment(<QrCode text={URI} label={LABEL} errorCorrection="L" />);
    const high = renderFragment(<QrCode text={URI} label={LABEL} errorCorrection="H" />);
    const extent = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    expect(extent(high)).toBeGreaterThan(extent(low));
  });
});
