import type { ChildProcess } from 'node:child_process';

/** A parameter or result value as it crossed IPC: JSON, with Dates tagged. */
export type CapturedValue = string | number | boolean | null | { $date: string } | CapturedValue[] | { [key: string]: CapturedValue };

/** One statement the API sent while serving a request (statement-capture.ts). */
export interface CapturedStatement {
  /** Which HTTP request (in the order the API received them during the capture). */
  request: number;
  /** Which pooled connection (the same number: the same pg client). */
  connection: number;
  /** The prepared statement's name, null for an unnamed one. */
  name: string | null;
  text: string;
  values: CapturedValue[];
  /** The first row of the answer (null: none, or an error). */
  row: Record<string, CapturedValue> | null;
  rowCount: number | null;
  error: string | null;
}

export interface Capture {
  statements: CapturedStatement[];
  /** What crypto.randomUUID returned during the capture: the ids the API generated. */
  generatedUuids: string[];
  startedAt: string;
  stoppedAt: string;
}

export type CaptureMessage = { capture: 'start' } | { capture: 'stop' };

export type CaptureReply = { capture: 'started' } | ({ capture: 'statements' } & Capture) | { capture: 'error'; error: string };

/** Sends a message to the capture module inside the API and waits for its answer. */
export function askCapture(child: ChildProcess, message: CaptureMessage, timeoutMs = 30_000): Promise<CaptureReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`the statement capture did not answer "${message.capture}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (reply: CaptureReply) => {
      if (typeof reply !== 'object' || reply === null || !('capture' in reply)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (reply.capture === 'error') reject(new Error(`statement capture: ${reply.error}`));
      else resolve(reply);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
