/**
 * Bootstrap: load the runtime config → start the demo feed (msw worker) only in demo mode → render.
 * This is the one production file allowed to load mocks/, and only through a dynamic import, so the
 * demo city is never in the bundle a live deployment downloads first.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ConfigError } from './app/config-error';
import { loadRuntimeConfig } from './feeds/runtime-config';
import './styles.css';

async function bootstrap(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('#root missing from index.html');
  const root = createRoot(rootElement);
  const loaded = await loadRuntimeConfig();
  if (!loaded.ok) {
    root.render(<ConfigError reason={loaded.reason} />);
    return;
  }
  if (loaded.config.demo.enabled) {
    const { startDemoFeed } = await import('../mocks/browser');
    await startDemoFeed(loaded.config);
  }
  root.render(
    <StrictMode>
      <App config={loaded.config} />
    </StrictMode>,
  );
}

void bootstrap();
