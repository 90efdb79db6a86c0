import { startSandbox } from './server';
import { sandboxPort } from './origin';

const sandbox = await startSandbox(sandboxPort());
console.log(`Sandbox listening on ${sandbox.origin}`);
console.log(`  Gmail demo:   ${sandbox.origin}/gmail/`);
console.log(`  Outlook demo: ${sandbox.origin}/outlook/mail/`);
console.log(`  State:        ${sandbox.origin}/__sandbox/state`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
