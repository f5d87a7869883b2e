import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@app/core';

/** Far above any grant, and small enough that sums stay exact in a JS number. */
export const MAX_CZK = 1_000_000_000_000;

/** Whole CZK: an integer ≥ min. Fractions, negatives and strings are 400. */
export function Czk(options: { min?: number; description?: string; required?: boolean } = {}) {
  const min = options.min ?? 0;
  return applyDecorators(
    ApiProperty({ type: 'integer', format: 'int64', minimum: min, maximum: MAX_CZK, description: options.description ?? 'Whole CZK', required: options.required ?? true }),
    IsInt({ message: 'must be a whole number of CZK' }),
    Min(min),
    Max(MAX_CZK),
  );
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function IsoDate(apiOptions: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: 'string', format: 'date', example: '2027-01-15', ...apiOptions } as ApiPropertyOptions),
    IsString(),
    ValidateBy({
      name: 'isIsoDate',
      validator: { validate: (v: unknown) => typeof v === 'string' && isIsoDate(v), defaultMessage: () => 'must be a date YYYY-MM-DD' },
    }),
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an offset, e.g. `2027-02-01T09:00:00+01:00`. */
export function IsoInstant(apiOptions: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: 'string', format: 'date-time', example: '2027-02-01T09:00:00+01:00', ...apiOptions } as ApiPropertyOptions),
    IsString(),
    ValidateBy(
      {
        name: 'isIsoInstant',
        validator: {
          validate: (v: unknown) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
          defaultMessage: () => 'must be an ISO 8601 instant with offset, e.g. 2027-02-01T09:00:00+01:00',
        },
      },
      {} as ValidationOptions,
    ),
  );
}

/** A required, trimmed-length-checked piece of text. */
export function Text(maxLength: number, apiOptions: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: 'string', minLength: 1, maxLength, ...apiOptions } as ApiPropertyOptions),
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
    Matches(/\S/, { message: 'must not be blank' }),
  );
}

export function PositiveInt(apiOptions: ApiPropertyOptions & { min?: number; max?: number } = {}) {
  const { min = 1, max = 1_000_000, ...rest } = apiOptions;
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: min, maximum: max, ...rest } as ApiPropertyOptions),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** May be left out, but not sent as null (null would erase a required value). */
export function Optional() {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
