import fs from 'node:fs';
import path from 'node:path';
import { encodePng } from './png';

/** Teams app icons: a full-colour 192×192 icon and a white-on-transparent 32×32 outline icon. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** The app's accent colour (also `accentColor` in the manifest). */
export const ACCENT = [0x1b, 0x5e, 0x7a] as const;

/** Signed distance from (x, y) to a rounded rectangle centred at (cx, cy): negative inside. */
function roundedRect(x: number, y: number, cx: number, cy: number, halfW: number, halfH: number, radius: number): number {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Signed distance (exact inside, approximate outside) to a triangle: the largest distance past an edge. */
function triangle(x: number, y: number, points: readonly (readonly [number, number])[]): number {
  let distance = -Infinity;
  for (let i = 0; i < 3; i++) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % 3]!;
    const [ox, oy] = points[(i + 2) % 3]!;
    const length = Math.hypot(bx - ax, by - ay);
    let nx = (by - ay) / length;
    let ny = -(bx - ax) / length;
    if ((ox - ax) * nx + (oy - ay) * ny > 0) {
      nx = -nx;
      ny = -ny;
    }
    distance = Math.max(distance, (x - ax) * nx + (y - ay) * ny);
  }
  return distance;
}

/**
 * A speech bubble with three dots, the shape of both icons. Returns 1 inside the bubble, 0.5 on a dot,
 * 0 outside; with `stroke`, 1 only within stroke/2 of the bubble's edge (the outline icon).
 */
function bubble(x: number, y: number, s: number, stroke?: number): number {
  const body = roundedRect(x, y, 0.5 * s, 0.44 * s, 0.38 * s, 0.27 * s, 0.12 * s);
  const tail = triangle(x, y, [
    [0.26 * s, 0.62 * s],
    [0.46 * s, 0.62 * s],
    [0.2 * s, 0.86 * s],
  ]);
  const inside = Math.min(body, tail);
  if (stroke !== undefined) return Math.abs(inside) <= stroke / 2 ? 1 : 0;
  if (inside > 0) return 0;
  const dot = Math.min(...[0.32, 0.5, 0.68].map((dx) => Math.hypot(x - dx * s, y - 0.44 * s) - 0.055 * s));
  return dot <= 0 ? 0.5 : 1;
}

/** Renders `size`×`size` RGBA with 4×4 supersampling; `paint` gives the colour and alpha of a sample. */
function render(size: number, paint: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = paint(px + (sx + 0.5) / n, py + (sy + 0.5) / n);
          sum[0]! += r * a;
          sum[1]! += g * a;
          sum[2]! += b * a;
          sum[3]! += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = sum[3]! / (n * n);
      out[i] = alpha > 0 ? Math.round(sum[0]! / sum[3]!) : 0;
      out[i + 1] = alpha > 0 ? Math.round(sum[1]! / sum[3]!) : 0;
      out[i + 2] = alpha > 0 ? Math.round(sum[2]! / sum[3]!) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

/** The 192×192 colour icon: a white speech bubble with three dots on the accent colour. */
export function colorIcon(): Buffer {
  const s = ICON_SIZES.color;
  const [ar, ag, ab] = ACCENT;
  return encodePng(s, s, render(s, (x, y) => {
    return bubble(x, y, s) === 1 ? [255, 255, 255, 1] : [ar, ag, ab, 1];
  }));
}

/** The 32×32 outline icon: the bubble's outline in white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  const s = ICON_SIZES.outline;
  return encodePng(s, s, render(s, (x, y) => (bubble(x, y, s, 2) === 1 ? [255, 255, 255, 1] : [0, 0, 0, 0])));
}

/** Writes both icons into `dir` (how manifests/teams/*.png were made; an organisation may replace them). */
export function writeIcons(dir: string): void {
  fs.writeFileSync(path.join(dir, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
}
