/**
 * The baseline target, run as its own process like the app: a bare express hello-world answering
 * `POST /` and `GET /healthz` on 127.0.0.1:PORT.
 */
import express from 'express';

const app = express();
app.post('/', (_req, res) => {
  res.json({ ok: true });
});
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
