/**
 * Bootstrap: load the runtime config → point the API client at the service → start the static
 * demo (msw worker answering the service API) only when `demo.enabled` → render. This is the one
 * production file allowed to load mocks/, and only through a dynamic import, so the demo city is
 * never in the bundle a live deployment downloads.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApi } from './api/http';
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
  configureApi({ baseUrl: loaded.config.apiBaseUrl });
  if (loaded.config.demo.enabled) {
    const { startDemoService } = await import('../mocks/browser');
    await startDemoService(loaded.config);
  }
  root.render(
    <StrictMode>
      <App config={loaded.config} />
    </StrictMode>,
  );
}

void bootstrap();
