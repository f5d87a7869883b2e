import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The readiness check's question to PostgreSQL. */
@Injectable()
export class DatabaseHealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Resolves when the database answers a trivial query; rejects with the driver's error otherwise (callers must not show it). */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
