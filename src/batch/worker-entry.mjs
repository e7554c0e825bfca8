// Worker threads do not inherit the tsx loader registered by bin/proportion.mjs: register it here,
// then load the TypeScript worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// The main thread hands over the law it loaded and validated: workers do not parse the law files again.
if (workerData?.law) {
  const { adoptLawBook } = await import('../law/loader.ts');
  adoptLawBook(workerData.law);
}
const mod = await import('./worker.ts');
export default mod.default;
