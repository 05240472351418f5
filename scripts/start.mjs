// npm start: builds the web app when it has not been built, then runs the server in this process.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

const webDist = resolve(process.env.WEB_DIST_DIR ?? 'web/dist');
if (!existsSync(resolve(webDist, 'index.html'))) {
  console.log('首次启动：正在构建网页 (vite build)…');
  const build = spawnSync(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
register();
await import('../server/src/main.ts');
