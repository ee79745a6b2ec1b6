import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Plain Vite + Svelte: the Rust build embeds ui/dist, so no dev server URL is configured in Tauri.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  build: {
    target: 'safari15',
    outDir: 'dist',
    emptyOutDir: true,
    // One CSS file, no inline styles: the CSP allows styles from 'self' only.
    cssCodeSplit: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // Vitest blanks CSS by default; contrast.test.ts reads the real stylesheet (`app.css?raw`).
    css: { include: [/app\.css/] },
  },
});
