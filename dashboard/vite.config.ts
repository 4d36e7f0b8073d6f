import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The API serves GraphQL and the file import on the same origin in production;
// in development the Vite server forwards them to the API's default port.
const API_TARGET = 'http://127.0.0.1:4000';
const API_PROXY = {
  '/graphql': { target: API_TARGET, changeOrigin: false },
  '/import': { target: API_TARGET, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // ECharts changes less often than page code: its own chunk stays cached
          // across releases and is shared by every page that draws charts. It is
          // reached only through the lazily loaded pages, never the entry.
          groups: [{ name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/ }],
        },
      },
    },
    // Two chunks are large on purpose and never in the first load: the
    // tree-shaken ECharts (~680 kB minified; ECharts 6 core alone is ~400 kB)
    // and exceljs (~930 kB), imported only when someone downloads an XLSX.
    // Above that, a warning is worth reading.
    chunkSizeWarningLimit: 950,
  },
  test: {
    environment: 'node',
    // Unit tests beside the code; e2e/ drives the built dashboard in Chromium
    // against the real hub (and sets its own, longer timeouts).
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
  },
});
