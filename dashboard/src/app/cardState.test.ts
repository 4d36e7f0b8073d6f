import { describe, expect, it } from 'vitest';
import { cardState } from './cardState';

const isEmpty = (d: number[]) => d.length === 0;

describe('cardState', () => {
  it('is loading before any data', () => {
    expect(cardState<number[]>({ fetching: true }, isEmpty)).toBe('loading');
  });

  it('is an error without data, also when data came back null', () => {
    expect(cardState<number[]>({ error: new Error('x'), fetching: false }, isEmpty)).toBe('error');
    expect(cardState<number[]>({ data: null, error: new Error('x'), fetching: false }, isEmpty)).toBe('error');
    expect(cardState<number[]>({ data: null, fetching: true }, isEmpty)).toBe('loading');
  });

  it('is empty or ready by the data', () => {
    expect(cardState({ data: [], fetching: false }, isEmpty)).toBe('empty');
    expect(cardState({ data: [1], fetching: false }, isEmpty)).toBe('ready');
  });

  it('keeps showing data while refetching, and shows a later failure', () => {
    expect(cardState({ data: [1], fetching: true, error: new Error('old') }, isEmpty)).toBe('ready');
    expect(cardState({ data: [1], fetching: false, error: new Error('new') }, isEmpty)).toBe('error');
  });
});
