export * from './model.js';
export { generateDemo } from './generate.js';
