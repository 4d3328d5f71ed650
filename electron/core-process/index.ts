// Entry of the core's own process. Under Electron it is a utility process and talks over process.parentPort;
// under plain Node (tests, benchmarks) a child process talking over its IPC channel. Nothing else lives here.
import { serveCore, type CorePort, type FromCore, type ToCore } from '../core/serve/core-process';

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToCore }) => void): void;
  postMessage(message: FromCore): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

// Where the installed program keeps its migrations and seed (core/paths.ts reads process.resourcesPath).
const resourcesArg = process.argv.find((a) => a.startsWith('--resources-path='))?.slice('--resources-path='.length);
if (resourcesArg && !(process as { resourcesPath?: string }).resourcesPath) Object.defineProperty(process, 'resourcesPath', { value: resourcesArg });

const port: CorePort = parentPort
  ? { post: (m) => parentPort.postMessage(m), onMessage: (l) => parentPort.on('message', (e) => l(e.data)) }
  : { post: (m) => process.send?.(m), onMessage: (l) => process.on('message', (m) => l(m as ToCore)) };

serveCore(port);
// The shell said stop, or went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));
