import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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
 * index.html for every other GET outside /api that no route answers, so a link to /arenden/<id>
 * can be reloaded.
 */
export async function serveWebApp(app: NestFastifyApplication, webRoot: string): Promise<void> {
  // A missing asset is the API's 404 (the not-found handler), not the app.
  await app.register(fastifyStatic, {
    root: join(webRoot, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const path = request.url.split('?', 1)[0];
      if (
        !request.is404 ||
        (request.method !== 'GET' && request.method !== 'HEAD') ||
        path === '/api' ||
        path.startsWith('/api/') ||
        (/\.[a-z0-9]+$/i.test(path) && path !== '/index.html') // a missing file (/favicon.ico) is a 404, not the app
      ) {
        done();
        return;
      }
      // Revalidated by its ETag (@fastify/send makes it from size and time); answered here, so no done().
      reply.header('Cache-Control', 'no-cache');
      void reply.sendFile('index.html', webRoot, { cacheControl: false });
    });
}
