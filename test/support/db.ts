import { Client } from 'pg';

/** Runs SQL as the database owner (the migrations' role), not as the API's unprivileged role. */
export async function asOwner<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
