import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the console's own stylesheet and script from memory under /assets (no CDN, nothing else). */
export function addConsoleAssets(router: Router): void {
  for (const file of fs.readdirSync(ASSETS_DIR)) {
    const type = TYPES[path.extname(file)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(ASSETS_DIR, file));
    router.get(`/assets/${file}`, (_req, res) => {
      res.set({ 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' }).send(body);
    });
  }
}
