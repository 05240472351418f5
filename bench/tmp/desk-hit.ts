import autocannon from 'autocannon';
import { signIn } from '../api-client';
const base = 'http://127.0.0.1:3311';
const b = await signIn(base, 'reviewer', 'scale-committee', 'Scale#2026pw');
for (const url of ['/api/review/desk?page=1&pageSize=20', '/api/health']) {
  const r = await autocannon({ url: base + url, headers: b.headers, duration: 8, connections: 10 });
  console.log(url, r.requests.average, r.latency.p50, r.latency.p99, r.non2xx);
}
