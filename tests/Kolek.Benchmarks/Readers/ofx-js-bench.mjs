// The ofx-js side of `--throughput 64 <script>` (tests/Kolek.Benchmarks). ofx-js is not a dependency of the repository:
//   mkdir -p /tmp/ofxjs && cd /tmp/ofxjs && npm init -y && npm install ofx-js@1.1.1
//   cp <repo>/tests/Kolek.Benchmarks/Readers/ofx-js-bench.mjs /tmp/ofxjs/bench.mjs
//   dotnet run -c Release --project <repo>/tests/Kolek.Benchmarks -- --throughput 64 /tmp/ofxjs/bench.mjs
// Times ofx-js parseSync on one OFX file: read as latin1, one warm-up, best of 3; prints mibs= (wall) and cpu_mibs=.
import { readFileSync, statSync } from 'node:fs';
import { parseSync } from 'ofx-js';
const path = process.argv[2];
const mib = statSync(path).size / 1048576;
let best = Infinity, bestCpu = Infinity, count = 0;
for (let i = 0; i < 4; i++) {
  const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint();
  const text = readFileSync(path).toString('latin1');
  const data = parseSync(text);
  const t = Number(process.hrtime.bigint() - t0) / 1e9; const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / 1e6;
  if (i === 0) count = JSON.stringify(data).length; // outside the timed part
  if (i > 0) { best = Math.min(best, t); bestCpu = Math.min(bestCpu, cpu); }
}
console.log(`mibs=${(mib / best).toFixed(2)} cpu_mibs=${(mib / bestCpu).toFixed(2)} seconds=${best.toFixed(2)} json=${count}`);
