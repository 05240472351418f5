// npm run dev: the API with reload on change (port 3000) and Vite's dev server with hot reload (port 5173).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const children = [
  spawn(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'watch', 'server/src/main.ts'], {
    stdio: 'inherit',
  }),
  spawn(process.execPath, [resolve('node_modules/vite/bin/vite.js'), '--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
  }),
];
console.log('开发模式：打开 http://localhost:5173 （接口在 http://localhost:3000）');
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children)
  child.on('exit', (code) => {
    stop('SIGTERM');
    process.exitCode = code ?? 0;
  });
