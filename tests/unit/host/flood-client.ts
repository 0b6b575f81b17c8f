import WebSocket from 'ws';

/**
 * The flooding window, run as a child process by flood.test.ts so that its
 * busy loop does not slow the test's own well-behaved client (whose call
 * times are what is measured). Arguments: a JSON HostAddress and the flood
 * length in ms. Three clients flood `library:query` for that long (see
 * flooder). It says when the flood starts, then sends back the totals.
 */

export interface FloodStats {
  sent: number;
  replies: number;
  busy: number;
  drops: number;
}
/** Sent once the clients are connected and the flood begins. */
export interface FloodStarted {
  started: true;
}
export interface FloodReport {
  /** Never reads; 50 requests a turn. */
  deaf: FloodStats;
  /** Never reads; one request every few ms, so that mostly its unread replies pile up. */
  trickle: FloodStats;
  /** Reads; 50 requests a turn. */
  greedy: FloodStats;
}

interface Address {
  port: number;
  origin: string;
  token: string;
}

const MiB = 1024 * 1024;

function connect(address: Address): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${address.port}/ipc`, ['keyframe.ipc', `keyframe.auth.${address.token}`], { origin: address.origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const aMoment = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * Sends queries in batches until `stopAt` or the socket closes: as fast as
 * the host takes them off its socket, or one every few ms for a batch of one
 * (so that the host keeps up and only the unread replies pile up). While its
 * own send buffer is full it waits a moment instead of spinning: the host
 * sets the pace either way, and a spinning client would only take CPU from
 * the host under test.
 */
async function pour(ws: WebSocket, stopAt: number, stats: FloodStats, batch: number): Promise<void> {
  while (Date.now() < stopAt && ws.readyState === WebSocket.OPEN) {
    if (ws.bufferedAmount < MiB) {
      for (let i = 0; i < batch; i++) ws.send(JSON.stringify({ id: stats.sent++, channel: 'library:query', input: {} }));
      await (batch === 1 ? aMoment() : nextTurn());
    } else {
      await aMoment();
    }
  }
}

/**
 * Floods until `stopAt`, `batch` requests per turn, connecting again whenever
 * the host drops it. A deaf client never reads its socket; a reading one
 * reads every reply (counting the `busy` ones) but never waits for one
 * before asking again.
 */
async function flooder(address: Address, stopAt: number, reads: boolean, batch: number): Promise<FloodStats> {
  const stats: FloodStats = { sent: 0, replies: 0, busy: 0, drops: 0 };
  while (Date.now() < stopAt) {
    const ws = await connect(address);
    ws.on('error', () => undefined);
    if (reads) {
      ws.on('message', (data: Buffer) => {
        stats.replies += 1;
        // Busy replies are short; a page of videos is not worth parsing here.
        if (data.length < 400 && data.includes('"code":"busy"')) stats.busy += 1;
      });
    } else {
      ws.pause();
    }
    await pour(ws, stopAt, stats, batch);
    if (ws.readyState !== WebSocket.OPEN) stats.drops += 1;
    ws.terminate();
  }
  return stats;
}

const [addressJson, ms] = process.argv.slice(2);
if (!addressJson || !ms || !process.send) throw new Error('Run by flood.test.ts: fork(flood-client.ts, [address, ms]).');
const address = JSON.parse(addressJson) as Address;
const stopAt = Date.now() + Number(ms);
const started: FloodStarted = { started: true };
process.send(started);
const [deaf, trickle, greedy] = await Promise.all([flooder(address, stopAt, false, 50), flooder(address, stopAt, false, 1), flooder(address, stopAt, true, 50)]);
const report: FloodReport = { deaf, trickle, greedy };
process.send(report, () => process.exit(0));
