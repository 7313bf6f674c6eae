// Writes the add-in's icons: assets/icon-<size>.png (the add-in: a ledger with a tick) and one icon
// per ribbon button, assets/<button>-<size>.png at 16, 32 and 80 px — 校验台账 (ledger and tick),
// 生成通报 (a red-headed document), 考核评分 (a bar chart), 打开面板 (a window with its side pane) —
// each a white glyph on a party-red rounded square. Pure node:zlib, so the PNGs can be regenerated
// without any image tool:
//   node scripts/make-icons.mjs
/* global console -- a Node script: print which files it wrote. */
import { Buffer } from "node:buffer";
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = [16, 32, 64, 80, 128];
const RED = [0xc8, 0x10, 0x2e];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage (0–1) of pixel (x, y) for the glyph in a unit square, supersampled 4×4. */
function pixel(size, x, y, glyph) {
  let bg = 0;
  let fg = 0;
  const r = 0.18; // corner radius, fraction of the side
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size;
      const v = (y + (sy + 0.5) / 4) / size;
      const cx = Math.min(Math.max(u, r), 1 - r);
      const cy = Math.min(Math.max(v, r), 1 - r);
      if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) continue;
      bg++;
      if (glyph(u, v, size)) fg++;
    }
  }
  return { alpha: bg / 16, white: bg ? fg / bg : 0 };
}

/** Three ledger lines and a tick (校验台账, and the add-in itself). */
function ledger(u, v, size) {
  const t = Math.max(0.09, 1.6 / size); // stroke thickness
  for (const line of [0.28, 0.46, 0.64]) {
    if (u >= 0.22 && u <= (line === 0.64 ? 0.45 : 0.78) && Math.abs(v - line) <= t / 2) return true;
  }
  const seg = (x1, y1, x2, y2) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const k = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(u - (x1 + k * dx), v - (y1 + k * dy)) <= t / 2 + 0.01;
  };
  return seg(0.52, 0.7, 0.62, 0.8) || seg(0.62, 0.8, 0.82, 0.56);
}

const thickness = (size) => Math.max(0.09, 1.6 / size);
const box = (u, v, x1, y1, x2, y2) => u >= x1 && u <= x2 && v >= y1 && v <= y2;
/** A rectangle's outline of stroke `t`. */
const frame = (u, v, x1, y1, x2, y2, t) =>
  box(u, v, x1, y1, x2, y2) && !box(u, v, x1 + t, y1 + t, x2 - t, y2 - t);

/** 生成通报: a document with a solid header band (红头) and three text lines. */
function notice(u, v, size) {
  const t = thickness(size);
  if (box(u, v, 0.24, 0.2, 0.76, 0.34)) return true;
  for (const line of [0.48, 0.62, 0.76]) {
    if (u >= 0.24 && u <= (line === 0.76 ? 0.56 : 0.76) && Math.abs(v - line) <= t / 2) return true;
  }
  return false;
}

/** 考核评分: three bars of rising height on a base line. */
function score(u, v, size) {
  const t = thickness(size);
  if (u >= 0.2 && u <= 0.8 && Math.abs(v - 0.8) <= t / 2) return true;
  const bars = [
    [0.24, 0.38, 0.56],
    [0.43, 0.57, 0.38],
    [0.62, 0.76, 0.2],
  ];
  return bars.some(([x1, x2, top]) => box(u, v, x1, top, x2, 0.8));
}

/** 打开面板: a window with a pane on its right. */
function pane(u, v, size) {
  const t = thickness(size);
  return frame(u, v, 0.2, 0.24, 0.8, 0.76, t) || box(u, v, 0.56, 0.24, 0.8, 0.76);
}

function png(size, glyph = ledger) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  let o = 0;
  for (let y = 0; y < size; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const { alpha, white } = pixel(size, x, y, glyph);
      for (let i = 0; i < 3; i++) raw[o++] = Math.round(RED[i] * (1 - white) + WHITE[i] * white);
      raw[o++] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(join(root, "assets"), { recursive: true });
for (const size of SIZES) {
  const file = join(root, "assets", `icon-${size}.png`);
  writeFileSync(file, png(size));
  console.log(`wrote ${file}`);
}
const BUTTONS = { validate: ledger, notice, score, pane };
for (const [name, glyph] of Object.entries(BUTTONS)) {
  for (const size of [16, 32, 80]) {
    const file = join(root, "assets", `${name}-${size}.png`);
    writeFileSync(file, png(size, glyph));
    console.log(`wrote ${file}`);
  }
}
