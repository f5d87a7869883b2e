import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** 100,000 pages of up to 200 items: far beyond any list here, far below PostgreSQL's OFFSET limit. */
export const MAX_PAGE = 100_000;

export class PageQuery {
  /** Bounded so that the offset stays an ordinary number (`?page=1e300` is a 400, not a database error). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(result: { items: T[]; total: number }, query: PageQuery): Page<T> {
  return { items: result.items, total: result.total, page: query.page, pageSize: query.pageSize };
}

/** The response class of a paged list of `item`, for the OpenAPI document. */
export function PageResponse<T>(item: new () => T, name: string) {
  class PageOfItems {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ type: 'integer' })
    total!: number;

    @ApiProperty({ type: 'integer' })
    page!: number;

    @ApiProperty({ type: 'integer' })
    pageSize!: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: name });
  return PageOfItems;
}
