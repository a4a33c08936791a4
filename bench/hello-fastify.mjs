// The reference for bench/http.mjs: the smallest useful HTTP server (Fastify, one JSON route),
// in a process of its own so that it gets a core the same way the API does.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
