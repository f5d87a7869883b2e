import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '@app/applications/applications.service';
import type { ApplicationView } from '@app/applications/applications.views';
import type { AuthUser } from '@app/core/auth/role';
import { GrantRecordsRepository, type GrantRecords } from './grant-records.repository';

export type ApplicationDetailsView = ApplicationView & GrantRecords;

/** GET /applications/:id: the application as the caller may read it, with its contract and settlement. */
@Injectable()
export class ApplicationDetailsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly records: GrantRecordsRepository,
  ) {}

  async get(caller: AuthUser, applicationId: string): Promise<ApplicationDetailsView> {
    // Who may read the application may read its contract and settlement; anyone else gets the application's 404.
    const application = await this.applications.get(caller, applicationId);
    return { ...application, ...(await this.records.recordsOf(this.dataSource.manager, applicationId)) };
  }
}
