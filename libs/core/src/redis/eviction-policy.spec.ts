import { evictionPolicyWarning } from './eviction-policy';

describe('evictionPolicyWarning', () => {
  it('is silent for noeviction', () => {
    expect(evictionPolicyWarning('noeviction')).toBeNull();
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-random', 'volatile-ttl', 'allkeys-lfu'])('warns for %s, naming it', (policy) => {
    expect(evictionPolicyWarning(policy)).toContain(`"${policy}"`);
    expect(evictionPolicyWarning(policy)).toContain('noeviction');
  });

  it('warns when the policy cannot be read', () => {
    expect(evictionPolicyWarning(null)).toContain('Could not read');
  });
});
