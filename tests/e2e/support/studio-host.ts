import { startHostProcess } from '../host-process.js';
import { writeFinishedJobs, type StudioFixture, type StudioFixtureOptions } from './studio-fixture.js';

/**
 * The browser host started over a Studio with finished jobs in its journal
 * and their takes saved in its output folder BEFORE it starts (demo mode).
 */

export interface StudioHost {
  url: string;
  outDir: string;
  dataDir: string;
  studio: StudioFixture;
  stop(): Promise<void>;
}

export async function startStudioHost(fixture: StudioFixtureOptions): Promise<StudioHost> {
  let studio: StudioFixture | undefined;
  const host = await startHostProcess({
    startupTimeoutMs: 30_000,
    prepare: ({ dataDir, outDir }) => {
      studio = writeFinishedJobs(dataDir, outDir, fixture);
    },
  });
  if (!studio) throw new Error('the studio fixture was not written');
  return { url: host.url, outDir: host.outDir, dataDir: host.dataDir, studio, stop: () => host.stop() };
}
