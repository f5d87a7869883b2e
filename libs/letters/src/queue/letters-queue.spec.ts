import { letterJobDataOf, letterJobId } from './letters-queue';

describe('letter jobs', () => {
  const id = '0b6c8a52-3f3e-4a8e-9d2c-5b1f6c1d2e3f';

  it('have one id per letter and generation, without the colon BullMQ refuses', () => {
    expect(letterJobId({ letterId: id, generation: 0 })).toBe(`letter-${id}-0`);
    expect(letterJobId({ letterId: id, generation: 2 })).not.toBe(letterJobId({ letterId: id, generation: 1 }));
    expect(letterJobId({ letterId: id, generation: 0 })).not.toContain(':');
  });

  it('read the outbox payload, generation 0 when absent', () => {
    expect(letterJobDataOf({ letterId: id })).toEqual({ letterId: id, generation: 0 });
    expect(letterJobDataOf({ letterId: id, generation: 3 })).toEqual({ letterId: id, generation: 3 });
  });

  it('refuse a payload without a letter or with a bad generation', () => {
    expect(() => letterJobDataOf({})).toThrow('letterId');
    expect(() => letterJobDataOf({ letterId: id, generation: -1 })).toThrow('generation');
    expect(() => letterJobDataOf({ letterId: id, generation: 1.5 })).toThrow('generation');
  });
});
