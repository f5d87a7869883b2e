import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { queueConnection } from '@app/core/redis/queue-connection';
import { LETTERS_QUEUE } from '@app/letters/queue/letters-queue';

export type QueueCounts = Record<'completed' | 'failed' | 'waiting' | 'active' | 'delayed', number>;

/** The letters queue's jobs by state, under the run's own prefix. */
export async function letterQueueCounts(redisUrl: string, prefix: string): Promise<QueueCounts> {
  const queue = new Queue(LETTERS_QUEUE, { connection: queueConnection(redisUrl, 'worker'), prefix });
  try {
    const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
    return { completed: counts.completed ?? 0, failed: counts.failed ?? 0, waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0 };
  } finally {
    await queue.close();
  }
}

/** Deletes every key of the run's prefix (the prefix is the run's own, so nothing else is there); the number deleted. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis({ ...queueConnection(redisUrl, 'worker'), lazyConnect: true });
  await redis.connect();
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
