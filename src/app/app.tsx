import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { RuntimeConfig } from '../feeds/runtime-config';
import { AppProviders, createQueryClient } from './providers';
import { createAppRouter } from './router';

/** The whole application for a loaded runtime config. */
export function App({ config }: { config: RuntimeConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  return (
    <AppProviders config={config} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
