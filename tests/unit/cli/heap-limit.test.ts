import { describe, expect, it } from 'vitest';
import { serviceNodeFlags } from '../../../scripts/cli/heap-limit';

describe('the node flags the service starts with', () => {
  it('sets the heap limit and a 64 MB young generation', () => {
    expect(serviceNodeFlags(8192, {})).toEqual([
      '--max-old-space-size=8192',
      '--max-semi-space-size=64',
    ]);
  });

  it('takes another young generation from SERVICE_SEMI_SPACE_MB, or V8 its own with 0', () => {
    expect(serviceNodeFlags(4096, { SERVICE_SEMI_SPACE_MB: '32' })).toContain(
      '--max-semi-space-size=32',
    );
    expect(serviceNodeFlags(4096, { SERVICE_SEMI_SPACE_MB: '0' })).toEqual([
      '--max-old-space-size=4096',
    ]);
  });

  it('ignores a value that is not a whole number', () => {
    expect(serviceNodeFlags(4096, { SERVICE_SEMI_SPACE_MB: '64m' })).toContain(
      '--max-semi-space-size=64',
    );
  });
});
