import type { Writable } from 'node:stream';

/**
 * The batch progress bar, counted in records: the value is the records whose results are written, the
 * total is estimated from the share of the input read so far ("about N") until the input is read, and
 * then exact. So the bar never freezes while workers drain the last batches, and it ends on the exact
 * record count at 100%.
 */
export interface Progress {
  /** After reading: bytes of the input read so far and records read so far. */
  read(bytesRead: number, recordsRead: number): void;
  /** After writing a batch: records done so far. */
  done(recordsDone: number): void;
  /** The input is read: the total is exact from now on. */
  inputEnded(recordsRead: number): void;
  stop(): void;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

export async function progressBar(stream: Writable, inputBytes: number): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format:
        'batch |{bar}| {percentage}% | {done} of {total_label} records | {rate} records/s | ETA {eta_formatted}',
      stream: stream as NodeJS.WriteStream,
      etaBuffer: 50,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = Date.now();
  let total = 1;
  let exact = false;
  let doneNow = 0;
  const payload = () => ({
    done: count(doneNow),
    total_label: exact ? count(total) : `about ${count(total)}`,
    rate: count(doneNow / Math.max((Date.now() - t0) / 1000, 0.001)),
  });
  bar.start(total, 0, payload());
  return {
    read(bytesRead, recordsRead) {
      if (exact || bytesRead <= 0 || recordsRead <= 0) return;
      total = Math.max(recordsRead, doneNow, Math.round((recordsRead * inputBytes) / bytesRead));
      bar.setTotal(total);
      bar.update(doneNow, payload());
    },
    done(recordsDone) {
      doneNow = recordsDone;
      if (!exact && doneNow > total) {
        total = doneNow;
        bar.setTotal(total);
      }
      bar.update(doneNow, payload());
    },
    inputEnded(recordsRead) {
      exact = true;
      total = Math.max(recordsRead, 1);
      bar.setTotal(total);
      bar.update(doneNow, payload());
    },
    stop() {
      bar.update(doneNow, payload());
      bar.stop();
    },
  };
}
