/* The widget's proof of work (ALTCHA), a module comments.js loads only where the service asks for one.
 * proofOfWork(base) is also CommentsWidget.proofOfWork, which bench/pow-solve.sh times. */

/** The n (0..max) whose SHA-256 hex of salt + n is the challenge; -1 if none. Runs in a Web Worker (its
 * source is this function: workers cannot load cross-origin scripts) or, where none can start, here. */
async function solve({ challenge, salt, max }) {
  const want = challenge.match(/../g).map((h) => parseInt(h, 16));
  const enc = new TextEncoder();
  for (let n = 0; n <= max; n += 256) {
    const batch = [];
    for (let k = n; k <= Math.min(n + 255, max); k++) batch.push(crypto.subtle.digest('SHA-256', enc.encode(salt + k)));
    const hashes = await Promise.all(batch);
    for (let j = 0; j < hashes.length; j++) {
      const h = new Uint8Array(hashes[j]);
      let i = 0;
      while (i < 32 && h[i] === want[i]) i++;
      if (i === 32) return n + j;
    }
  }
  return -1;
}

/** A challenge from the service, solved off the page's thread: {expires, payload} (base64 JSON for ALTCHA). */
export async function proofOfWork(base) {
  const res = await fetch(`${base}/api/challenge`, { cache: 'no-store' });
  if (!res.ok) throw new Error(res.status);
  const c = await res.json();
  const started = Date.now();
  const task = { challenge: c.challenge, salt: c.salt, max: c.maxnumber };
  let number;
  try {
    const url = URL.createObjectURL(new Blob([`onmessage=async(e)=>postMessage(await (${solve})(e.data))`], { type: 'text/javascript' }));
    const worker = new Worker(url);
    number = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => { e.preventDefault(); reject(new Error('worker')); };
      worker.postMessage(task);
    }).finally(() => { worker.terminate(); URL.revokeObjectURL(url); });
  } catch (e) {
    number = await solve(task); // no worker (e.g. a page's CSP forbids blob: workers): async, in slices
  }
  if (number < 0) throw new Error('unsolved');
  const expires = Number(new URLSearchParams(c.salt.split('?')[1] || '').get('expires')) * 1000 || Infinity;
  return { expires, payload: btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature, took: Date.now() - started })) };
}

/** One widget's solutions: solved in the background while the reader types, one per post. */
export function solver(base) {
  let next = null;
  const start = () => { next = proofOfWork(base); next.catch(() => {}); };
  return {
    start,
    /** A solved challenge's payload, taken: a fresh one if it would expire within 30 s; the next starts at once. */
    async take() {
      try {
        if (!next) start();
        let solved = await next;
        if (solved.expires - Date.now() < 30000) {
          start();
          solved = await next;
        }
        start();
        return solved.payload;
      } catch (e) {
        next = null; // the next post tries afresh
        throw e;
      }
    }
  };
}
