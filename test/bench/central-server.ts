// The fake central server as its own process for the drain benchmark (so it does not share the desk's CPU).
import { FakeCentral } from '../support/fake-central';

const central = await new FakeCentral().start();
process.stdout.write(`READY ${central.port}\n`);
process.stdin.on('data', (d) => {
  if (d.toString().startsWith('reset')) {
    central.complaints.clear();
    central.events.clear();
    central.eventOrder.clear();
    process.stdout.write(`RESET\n`);
  } else if (d.toString().startsWith('count')) {
    process.stdout.write(`COUNT ${central.complaints.size} ${central.events.size}\n`);
  }
});
