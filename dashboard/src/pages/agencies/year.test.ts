import { describe, expect, it } from 'vitest';
import { agencyIdOf, agencyPath, agenciesPath } from './links';
import { activeInYear, periodYear, yearRange } from './year';

describe('the year of unit figures', () => {
  it('is the chosen year, or the year a custom range ends in', () => {
    expect(periodYear({ kind: 'year', year: 2024 })).toBe(2024);
    expect(periodYear({ kind: 'range', from: '2025-03-01', to: '2025-05-31' })).toBe(2025);
    expect(periodYear({ kind: 'range', from: '2023-11-01', to: '2024-02-29' })).toBe(2024);
    expect(yearRange(2024)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('lists the units that existed on some day of the year', () => {
    expect(activeInYear({ validFrom: '2016-01-01', validTo: null }, 2025)).toBe(true);
    // Merged away in January 2019: still part of 2019, gone in 2020.
    expect(activeInYear({ validFrom: '2016-01-01', validTo: '2019-01-31' }, 2019)).toBe(true);
    expect(activeInYear({ validFrom: '2016-01-01', validTo: '2019-01-31' }, 2020)).toBe(false);
    // Founded in February 2019: not in 2018.
    expect(activeInYear({ validFrom: '2019-02-01', validTo: null }, 2018)).toBe(false);
    expect(activeInYear({ validFrom: '2019-12-31', validTo: null }, 2019)).toBe(true);
  });
});

describe('agency links', () => {
  it('name the agency by its number and keep the query string', () => {
    expect(agencyPath('Agency:12')).toBe('/agencies/12');
    expect(agencyPath('Agency:12', '?year=2024&lang=en')).toBe('/agencies/12?year=2024&lang=en');
    expect(agenciesPath('?lang=zh')).toBe('/agencies?lang=zh');
    expect(() => agencyPath('Region:2')).toThrow();
  });

  it('read the agency back from the path, refusing anything else', () => {
    expect(agencyIdOf('12')).toBe('Agency:12');
    for (const bad of [undefined, '', '0', '012', 'Agency:12', '12a', '-1', '99999999999']) expect(agencyIdOf(bad), String(bad)).toBeNull();
  });
});
