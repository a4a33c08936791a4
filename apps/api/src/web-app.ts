import { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the built web app (apps/web/dist) is: the repository root is a few folders above this
 * file, both compiled (dist/apps/api/src) and under the tests (apps/api/src).
 */
export function findWebRoot(from = __dirname): string | null {
  for (let dir = from, depth = 0; depth < 6; dir = dirname(dir), depth++) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/**
 * Serves the web app from the API's own origin: its hashed assets with a long cache, and
 * index.html for every other GET outside /api, so a link to /arenden/<id> can be reloaded.
 */
export function serveWebApp(app: NestExpressApplication, webRoot: string): void {
  app.useStaticAssets(join(webRoot, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  // index.html through serve-static rather than res.sendFile: sendFile takes its ETag from the app's
  // `etag` setting, which is off for the API's answers (bootstrap.ts); the page keeps its ETag.
  const indexHtml = serveStatic(webRoot, { index: false, etag: true, cacheControl: false, fallthrough: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    if (/\.[a-z0-9]+$/i.test(req.path) && req.path !== '/index.html') {
      next(); // a missing file (/favicon.ico) is a 404, not the app
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    req.url = '/index.html';
    indexHtml(req, res, next);
  });
}
