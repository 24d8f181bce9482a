// The helper thread's side (helperThread.ts): runs each task it is sent and answers with its
// result, or with the error's message.

import { parentPort } from 'node:worker_threads';
import { HELPER_TASKS, type HelperTasks } from './helperTasks.ts';

export interface TaskMessage {
  id: number;
  task: keyof HelperTasks;
  input: unknown;
}

export type AnswerMessage = { id: number; result: unknown } | { id: number; error: string };

parentPort!.on('message', async ({ id, task, input }: TaskMessage) => {
  let answer: AnswerMessage;
  try {
    answer = { id, result: await (HELPER_TASKS[task] as (input: unknown) => unknown)(input) };
  } catch (error) {
    answer = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(answer);
});
