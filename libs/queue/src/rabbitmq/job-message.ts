import { Message, Options } from 'amqplib';

import { Job } from '../job-queue.interface';

export const REDELIVERIES_HEADER = 'x-job-redeliveries';
export const DEAD_REASON_HEADER = 'x-job-dead-reason';

interface JobBody {
  id: string;
  payload: Record<string, unknown>;
}

export type DecodedJob = { ok: true; job: Job } | { ok: false; jobId: string; reason: string };

export function encodeJobBody(job: Omit<Job, 'redeliveries'>): Buffer {
  const body: JobBody = { id: job.id, payload: job.payload };

  return Buffer.from(JSON.stringify(body));
}

export function jobPublishOptions(
  jobId: string,
  headers: Record<string, string | number> = {},
): Options.Publish {
  return {
    persistent: true,
    messageId: jobId,
    contentType: 'application/json',
    headers: { [REDELIVERIES_HEADER]: 0, ...headers },
  };
}

export function decodeJobMessage(message: Message): DecodedJob {
  const fallbackId = String(message.properties.messageId ?? 'unknown');
  const body = parseBody(message.content);
  if (!body) {
    return { ok: false, jobId: fallbackId, reason: 'malformed message body' };
  }

  const job: Job = {
    id: body.id,
    payload: body.payload,
    redeliveries: readRedeliveries(message),
  };

  return { ok: true, job };
}

export function readRedeliveries(message: Message): number {
  const value = Number(message.properties.headers?.[REDELIVERIES_HEADER] ?? 0);

  return Number.isInteger(value) && value >= 0 ? value : 0;
}

function parseBody(content: Buffer): JobBody | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) {
      return null;
    }
    throw error;
  }

  return isJobBody(parsed) ? parsed : null;
}

function isJobBody(value: unknown): value is JobBody {
  const candidate = value as Partial<JobBody> | null;

  return (
    typeof candidate?.id === 'string' &&
    typeof candidate.payload === 'object' &&
    candidate.payload !== null &&
    !Array.isArray(candidate.payload)
  );
}
