/**
 * The baseline of the benchmarks: a bare express server that answers every route the benchmarks use with a
 * fixed reply, so the difference to somebot's figures is the bot's own cost. Run as a child process:
 * `node bareServer.js`; listens on PORT (0: any free port) on 127.0.0.1 and prints its URL.
 */
import express from 'express';

const app = express();
app.use(express.json({ limit: '100kb' }));
app.use(express.urlencoded({ extended: false, limit: '100kb' }));
const fixed = { replies: [{ html: '<p>A fixed answer of about the size of a short quoted guideline passage.</p>' }] };
app.get('/readyz', (_req, res) => void res.json({ ready: true }));
app.get('/web/api/people', (_req, res) => void res.json({ people: [{ id: 'anna', name: 'Anna', title: '', roles: ['employee'], lang: null }], preselected: 'anna' }));
app.post('/web/api/messages', (_req, res) => void res.json(fixed));
app.post('/slack/events', (_req, res) => void res.status(200).end());
app.post('/api/messages', (_req, res) => void res.status(200).end());
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
