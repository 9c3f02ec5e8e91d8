/**
 * BENCH_PROFILE=1: a CPU profile of one measured section (not the data loading around it), written to
 * bench-data/<name>.cpuprofile, with its top functions by self time printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { repoRoot } from '../support/core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export async function startProfile() {
  if (process.env.BENCH_PROFILE !== '1') return { stop: async (_name: string) => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name: string) {
      const { profile } = (await session.post('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      session.disconnect();
      const dir = join(repoRoot, 'bench-data');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      });
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      console.log(`  profile of ${name}: top self time (of ${(total / 1000).toFixed(0)} ms)`);
      for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
        console.log(`    ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
    },
  };
}
