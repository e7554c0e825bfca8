// Worker threads do not inherit the tsx loader registered by bin/proportion.mjs: register it here,
// then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./worker.ts');
export default mod.default;
