// The run's helper thread: work that needs neither the target nor the main thread's state runs
// there, on the other core, while the main thread sends the probes and serves the embedded
// provider (the tasks: helperTasks.ts). One thread per process, started by its first task (the
// consumer recording, as soon as the run knows its endpoints), kept for the next ones. It
// never keeps the process alive when no task is under way.

import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { pathLoadedFile } from '../package/pathLoaded.ts';
import { startModuleWorker } from '../package/worker.ts';
import type { HelperTasks } from './helperTasks.ts';
import type { AnswerMessage, TaskMessage } from './helperWorker.ts';

interface Thread {
  worker: Worker;
  waiting: Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>;
  next: number;
}

let thread: Thread | undefined;

/**
 * Pact's core, in the helper thread, writes its output straight to the process's stdout and
 * stderr, from Rust threads of its own. Node leaves a pipe's descriptor non-blocking, so when
 * the pipe is full (a CI runner reading the log slowly, `| tee`), Rust's write fails (EAGAIN),
 * Rust panics, and every interaction of the verification fails. Blocking descriptors hold such
 * a write back until the reader catches up; Node writes to them alike.
 */
function blockingStdio(): void {
  for (const stream of [process.stdout, process.stderr]) (stream as { _handle?: { setBlocking?: (blocking: boolean) => number } })._handle?.setBlocking?.(true);
}

function start(): Thread {
  blockingStdio();
  const worker = startModuleWorker(pathToFileURL(pathLoadedFile('helperWorker')));
  const started: Thread = { worker, waiting: new Map(), next: 0 };
  worker.unref();
  worker.on('message', (answer: AnswerMessage) => {
    const waiter = started.waiting.get(answer.id);
    started.waiting.delete(answer.id);
    if (started.waiting.size === 0) worker.unref();
    if ('error' in answer) waiter?.reject(new Error(answer.error));
    else waiter?.resolve(answer.result);
  });
  const ended = (error: Error) => {
    if (thread === started) thread = undefined;
    for (const waiter of started.waiting.values()) waiter.reject(error);
    started.waiting.clear();
  };
  worker.on('error', ended);
  worker.on('exit', (code) => ended(new Error(`the helper thread ended (exit ${code}) before it answered`)));
  return started;
}

type Task = keyof HelperTasks;

/** Runs `task` in the helper thread; rejects with the task's error, or when the thread ends first. */
export function inHelperThread<T extends Task>(task: T, input: Parameters<HelperTasks[T]>[0]): Promise<Awaited<ReturnType<HelperTasks[T]>>> {
  const running = (thread ??= start());
  const id = running.next++;
  running.worker.ref();
  running.worker.postMessage({ id, task, input } satisfies TaskMessage);
  return new Promise((resolve, reject) => running.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject }));
}
