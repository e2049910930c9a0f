// @ts-check
// Plain JavaScript on purpose: worker threads do not inherit tsx's loader on Node 20.
import { Socket } from 'node:net';
import { runAsWorker } from 'synckit';

/**
 * Worker half of the pg_dump bridge (see pg-dump.ts): owns one TCP connection to the server and,
 * for each frontend flight the WASM pg_dump writes, returns the backend's whole answer. An answer
 * is complete once PostgreSQL waits for the client again: ReadyForQuery, an authentication
 * request that needs a reply, or an error before the session started (the server then hangs up).
 */

const AUTH_OK = 0;
const AUTH_SASL_FINAL = 12;
const ANSWER_TIMEOUT_MS = 120_000;

/** @type {Socket | undefined} */
let socket;
let pending = Buffer.alloc(0);
/** @type {(() => void) | undefined} */
let wake;
let closed = false;
let sessionStarted = false;

/** @param {string} host @param {number} port @returns {Promise<void>} */
function connect(host, port) {
  return new Promise((resolve, reject) => {
    pending = Buffer.alloc(0);
    closed = false;
    sessionStarted = false;
    const s = new Socket();
    s.on('data', (/** @type {Buffer} */ chunk) => {
      pending = Buffer.concat([pending, chunk]);
      wake?.();
    });
    s.on('close', () => {
      closed = true;
      wake?.();
    });
    s.once('error', reject);
    s.connect(port, host, () => {
      s.off('error', reject);
      s.on('error', () => undefined);
      resolve();
    });
    socket = s;
  });
}

/**
 * Length of the complete answer at the start of `buf`, or undefined while more must come.
 * @param {Buffer} buf
 * @returns {{ length: number, ready: boolean } | undefined}
 */
function completeAnswer(buf) {
  let at = 0;
  while (at + 5 <= buf.length) {
    const type = String.fromCharCode(/** @type {number} */ (buf[at]));
    const end = at + 1 + buf.readInt32BE(at + 1);
    if (end > buf.length) return undefined;
    if (type === 'Z') return { length: end, ready: true };
    if (type === 'R') {
      const code = buf.readInt32BE(at + 5);
      if (code !== AUTH_OK && code !== AUTH_SASL_FINAL) return { length: end, ready: false };
    }
    if (type === 'E' && !sessionStarted) return { length: end, ready: false };
    at = end;
  }
  return undefined;
}

/**
 * Sends one frontend flight and returns the backend's complete answer.
 * @param {string} host @param {number} port @param {Uint8Array} bytes
 * @returns {Promise<Uint8Array>}
 */
async function exchange(host, port, bytes) {
  const out = Buffer.from(bytes);
  // Terminate ('X', length 4): nothing comes back.
  if (out.length === 5 && out[0] === 0x58) {
    socket?.end();
    socket = undefined;
    return new Uint8Array();
  }
  if (!socket || closed) await connect(host, port);
  /** @type {Socket} */ (socket).write(out);
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  for (;;) {
    const answer = completeAnswer(pending);
    if (answer || closed) {
      const length = answer ? answer.length : pending.length;
      const reply = new Uint8Array(pending.subarray(0, length));
      pending = pending.subarray(length);
      if (answer?.ready) sessionStarted = true;
      return reply;
    }
    if (Date.now() > deadline) throw new Error('pg_dump bridge: the server did not answer in time');
    await new Promise((resolve) => {
      wake = () => resolve(undefined);
      setTimeout(resolve, 1_000);
    });
    wake = undefined;
  }
}

runAsWorker(exchange);
