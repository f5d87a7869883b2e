import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PolicyMeasureEntity, PolicyPriorityEntity, PolicySubAimEntity, PolicySubAreaEntity } from './policy.entities';

export interface PolicyCatalogue {
  priorities: { number: number; name: string; subAreas: { letter: string; name: string }[] }[];
  subAims: { number: number; text: string }[];
  measures: { code: string; priority: number; subArea: string; subAim: number; text: string; guarantor: string }[];
}

/** The city's integration policy 2022–2027: reference data loaded by a migration, read-only here. */
@Injectable()
export class PolicyService {
  private catalogue?: Promise<PolicyCatalogue>;
  private codes?: Promise<ReadonlySet<string>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loaded once per process: the policy only changes through a migration. */
  getCatalogue(): Promise<PolicyCatalogue> {
    this.catalogue ??= this.load().catch((error: unknown) => {
      this.catalogue = undefined;
      throw error;
    });
    return this.catalogue;
  }

  measureCodes(): Promise<ReadonlySet<string>> {
    this.codes ??= this.getCatalogue().then((c) => new Set(c.measures.map((m) => m.code)));
    this.codes.catch(() => (this.codes = undefined));
    return this.codes;
  }

  private async load(): Promise<PolicyCatalogue> {
    const [priorities, subAreas, subAims, measures] = await Promise.all([
      this.dataSource.getRepository(PolicyPriorityEntity).find({ order: { number: 'ASC' } }),
      this.dataSource.getRepository(PolicySubAreaEntity).find({ order: { priorityNumber: 'ASC', letter: 'ASC' } }),
      this.dataSource.getRepository(PolicySubAimEntity).find({ order: { number: 'ASC' } }),
      this.dataSource.getRepository(PolicyMeasureEntity).find({ order: { position: 'ASC' } }),
    ]);
    return {
      priorities: priorities.map((p) => ({
        number: p.number,
        name: p.name,
        subAreas: subAreas.filter((s) => s.priorityNumber === p.number).map((s) => ({ letter: s.letter, name: s.name })),
      })),
      subAims: subAims.map((s) => ({ number: s.number, text: s.text })),
      measures: measures.map((m) => ({
        code: m.code,
        priority: m.priorityNumber,
        subArea: m.subAreaLetter,
        subAim: m.subAimNumber,
        text: m.text,
        guarantor: m.guarantor,
      })),
    };
  }
}
