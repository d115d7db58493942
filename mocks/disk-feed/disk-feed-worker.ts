/**
 * A worker thread of ./write.ts: encodes blocks of cases [from, to) of the demo city it was given
 * and sends each back with its buffers transferred. Cases depend only on (seed, position), so two
 * threads produce exactly what one would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDemoCity } from '../demo-city';
import { departmentCodes, encodeCases, transferList } from './encode';
import { readWorkerInit, type BlockRequest } from './protocol';

const init = readWorkerInit(workerData);
const city = createDemoCity(init);
const codes = departmentCodes(city);
const port = parentPort;
if (port === null) throw new Error('disk-feed worker: not started as a worker thread');
port.on('message', (message: BlockRequest) => {
  const block = encodeCases(city.cases(message.from, message.to), codes);
  port.postMessage({ n: message.n, block }, transferList(block));
});
