import { emptyApplicationForm } from './application-form';
import { forgetUnsaved, keepUnsaved, readUnsaved } from './unsaved-form';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const values = {
  ...emptyApplicationForm({ parts: [{ code: '1', name: 'A', allocationCzk: 1, minRequestCzk: 1, maxRequestCzk: 1 }] }),
  title: 'Czech for parents',
  measureCodes: ['21.III'],
};

describe('a form kept over a lost session', () => {
  it('is read back for its own address only, and forgotten on request', () => {
    const storage = new MemoryStorage();
    keepUnsaved(storage, '/applicant/applications/new?callId=c', values);
    expect(readUnsaved(storage, '/applicant/applications/new?callId=c')).toEqual(values);
    expect(readUnsaved(storage, '/applicant/applications/new?callId=d')).toBeNull();
    forgetUnsaved(storage, '/applicant/applications/new?callId=c');
    expect(readUnsaved(storage, '/applicant/applications/new?callId=c')).toBeNull();
  });

  it('ignores what is not the form (old shapes, broken JSON)', () => {
    const storage = new MemoryStorage();
    storage.setItem('prague-grants.unsaved-application:/a', '{"title": 3}');
    storage.setItem('prague-grants.unsaved-application:/b', '{not json');
    storage.setItem('prague-grants.unsaved-application:/c', JSON.stringify({ ...values, budgetLines: [{ category: 'x' }] }));
    for (const address of ['/a', '/b', '/c']) expect(readUnsaved(storage, address)).toBeNull();
  });

  it('keeps nothing when the storage refuses', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => keepUnsaved(storage, '/x', values)).not.toThrow();
  });
});
