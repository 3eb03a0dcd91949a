/**
 * The client side of the API benchmarks: node:http with a keep-alive Agent holding one socket,
 * so sequential calls reuse one connection the way the renderer's fetch does in a browser.
 * node:http rather than the global fetch (undici): its per-call cost on the client is lower,
 * so more of what is measured is the server's.
 */
import { Agent, request } from 'node:http';

export interface ApiTarget {
  port: number;
  token: string;
}

export interface CallAnswer {
  status: number;
  body: string;
  /** Whether the call went over a connection already open (keep-alive worked). */
  reusedSocket: boolean;
}

const callTimeoutMs = 10_000;

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

/** POST /api/<method> with a JSON body, as the renderer does. `agent: false` opens a new connection. */
export function callApi(
  target: ApiTarget,
  method: string,
  input: unknown,
  agent: Agent | false,
): Promise<CallAnswer> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `/api/${method}`,
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${target.token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            reusedSocket: req.reusedSocket,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(callTimeoutMs, () =>
      req.destroy(new Error(`${method} took longer than ${callTimeoutMs} ms.`)),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The value of a successful answer; throws with the answer's error otherwise. */
export function valueOf(method: string, answer: CallAnswer): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    throw new Error(`${method} answered ${answer.status} with a body that is not JSON.`);
  }
  const result = parsed as { ok?: unknown; value?: unknown; error?: unknown };
  if (answer.status !== 200 || result.ok !== true) {
    throw new Error(
      `${method} failed (${answer.status}): ${JSON.stringify(result.error ?? parsed)}`,
    );
  }
  return result.value;
}

export interface TimedCalls {
  /** Milliseconds per call, from sending the request to the last byte of the answer. */
  samples: number[];
  /** Wall time of the whole loop, for calls per second. */
  elapsedMs: number;
  /** Calls that had to open a new connection (0 when keep-alive held). */
  newConnections: number;
}

/** `count` sequential calls, each awaited before the next is sent; every answer is checked. */
export async function timeCalls(
  target: ApiTarget,
  method: string,
  agent: Agent,
  count: number,
): Promise<TimedCalls> {
  const samples: number[] = [];
  let newConnections = 0;
  const loopStart = performance.now();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const answer = await callApi(target, method, {}, agent);
    samples.push(performance.now() - start);
    if (!answer.reusedSocket) newConnections++;
    valueOf(method, answer);
  }
  return { samples, elapsedMs: performance.now() - loopStart, newConnections };
}
