import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DatabaseHealthRepository, RedisClient } from '@app/core';
import { Anyone } from '../common/route.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthRepository,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  /** The process is up. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @Anyone()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * PostgreSQL and Redis answer: 200, else 503. Anyone may ask, so a failure
   * says only which service is down: never the driver's error, its address or
   * its port (the log has them).
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis reachable' })
  @Anyone()
  @HealthCheck()
  ready() {
    return this.health.check([() => this.postgresPing(), () => this.redisPing()]);
  }

  private async postgresPing() {
    const indicator = this.indicators.check('postgres');
    try {
      await withinTimeout(this.database.ping());
      return indicator.up();
    } catch {
      return indicator.down({ message: 'PostgreSQL is not reachable' });
    }
  }

  private async redisPing() {
    const indicator = this.indicators.check('redis');
    try {
      const answer = await withinTimeout(this.redis.ping());
      return answer === 'PONG' ? indicator.up() : indicator.down({ message: 'unexpected answer' });
    } catch {
      return indicator.down({ message: 'Redis is not reachable' });
    }
  }
}

/** The answer, or a rejection after 1.5 s. */
async function withinTimeout<T>(work: Promise<T>, ms = 1500): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
