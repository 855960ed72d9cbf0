/**
 * HTTP client benchmark for the reply path: COUNT `POST /v3.0/oa/message/cs`-shaped requests at
 * CONCURRENCY in flight to a local server answering like Zalo, through each client candidate:
 * axios as created today (Node's global agent), axios with a dedicated keep-alive agent (the
 * transport's choice), and Node's built-in fetch (undici inside Node). Reports requests/s and the
 * client's CPU per request, measured in this process in the same run. `--quick`: fewer requests.
 * `UNDICI_PATH=/path/to/node_modules/undici` adds undici's own `Pool.request` (not a dependency).
 */
import http from 'node:http';
import axios from 'axios';

const quick = process.argv.includes('--quick');
const COUNT = quick ? 3_000 : 20_000;
const CONCURRENCY = 32;
const BODY = { recipient: { user_id: '1139546981248917659' }, message: { text: 'Xin chào, đây là câu trả lời.' } };
const ANSWER = JSON.stringify({ error: 0, message: 'Success', data: { message_id: 'abc', user_id: '1' } });

type Send = () => Promise<void>;

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
    res.end(ANSWER);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const path = '/v3.0/oa/message/cs';

async function measure(send: Send): Promise<{ rate: number; cpuUs: number }> {
  for (let i = 0; i < 200; i += 1) await send(); // warm-up: connections, JIT
  let next = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < COUNT) await send();
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { rate: COUNT / seconds, cpuUs: (used.user + used.system) / COUNT };
}

const headers = { 'Content-Type': 'application/json', access_token: 'token' };
const plainAxios = axios.create({ baseURL: base, validateStatus: () => true, headers });
const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const pooledAxios = axios.create({ baseURL: base, validateStatus: () => true, headers, httpAgent: keepAliveAgent });
const candidates: Array<[string, Send]> = [
  ['axios (global agent)', async () => void (await plainAxios.post(path, BODY))],
  ['axios + keep-alive agent (64)', async () => void (await pooledAxios.post(path, BODY))],
  [
    'fetch (built-in undici)',
    async () => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(BODY) });
      await res.json();
    },
  ],
];
if (process.env.UNDICI_PATH) {
  const undici = (await import(process.env.UNDICI_PATH)) as typeof import('undici-types');
  const pool = new undici.Pool(base, { connections: 64 });
  candidates.push([
    'undici Pool.request (64)',
    async () => {
      const res = await pool.request({ path, method: 'POST', headers, body: JSON.stringify(BODY) });
      await res.body.json();
    },
  ]);
}

console.log(`${COUNT} POSTs per client, ${CONCURRENCY} in flight, local server on 127.0.0.1; Node ${process.version}`);
console.log(`${'client'.padEnd(32)} ${'req/s'.padStart(8)} ${'CPU µs/req'.padStart(11)}`);
for (const [name, send] of candidates) {
  const { rate, cpuUs } = await measure(send);
  console.log(`${name.padEnd(32)} ${rate.toFixed(0).padStart(8)} ${cpuUs.toFixed(0).padStart(11)}`);
}
keepAliveAgent.destroy();
server.close();
