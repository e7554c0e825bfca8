import { type BatchResult, type BatchTask, processBatch } from './process.ts';

/** Piscina worker: validates and evaluates one batch of records. */
export default function run(task: BatchTask): BatchResult {
  return processBatch(task);
}
