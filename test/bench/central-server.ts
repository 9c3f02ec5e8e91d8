// The fake central server as its own process for the drain benchmarks (so it does not share the desk's CPU).
import { FakeCentral } from '../support/fake-central';
import { FakeCentralFiles } from '../support/fake-central-files';

const central = await new FakeCentral().start();
process.stdout.write(`READY ${central.port}\n`);
process.stdin.on('data', (d) => {
  if (d.toString().startsWith('reset')) {
    central.complaints.clear();
    central.events.clear();
    central.eventOrder.clear();
    central.fileStore = new FakeCentralFiles();
    process.stdout.write(`RESET\n`);
  } else if (d.toString().startsWith('count')) {
    process.stdout.write(
      `COUNT ${central.complaints.size} ${central.events.size} ${central.fileStore.files.size} ${central.fileStore.bytesStored}\n`,
    );
  }
});
