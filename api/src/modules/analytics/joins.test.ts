import { describe, expect, it } from 'vitest';
import { neededJoins } from './analytics.service.js';
import { FACTS } from './registry.js';

const TRAINING = FACTS.training.rollups[0]!.join;

describe('neededJoins', () => {
  it('keeps only the joins a rollup statement refers to, with the joins those refer to', () => {
    expect(neededJoins(TRAINING, 'select rs.kind as k0, sum(r.n) from')).toBe('join training_session rs on rs.id = r.session_id');
    expect(neededJoins(TRAINING, 'select r.agency_id as k0, sum(r.n)')).toBe('');
    // The district is the agency's region's: both joins stay, in their order.
    expect(neededJoins(TRAINING, 'select rr.district_id as k0 where rs.starts_on >= ?')).toBe(TRAINING);
    expect(neededJoins(TRAINING, 'select sum(r.n) where ra.region_id in (?)')).toBe('join agency ra on ra.id = r.agency_id');
  });

  it('leaves no join when there is none', () => {
    expect(neededJoins(undefined, 'select 1')).toBe('');
  });
});
