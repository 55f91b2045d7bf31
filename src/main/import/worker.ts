/**
 * The import worker (built as out/main/importWorker.js): reads web pages and Word files sent by
 * readerWorker.ts, one message at a time, so that jsdom's seconds per MB never hold up the main
 * thread. Same readers, same sanitising (html.ts), nothing else in here.
 */
import { parentPort } from 'node:worker_threads';
import { answer, type ReadRequest, WORKER_READY } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('The import worker runs only as a worker thread.');

port.on('message', (request: ReadRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
port.postMessage(WORKER_READY);
