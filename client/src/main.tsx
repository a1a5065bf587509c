import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element to render Coproduce into.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker (see vite.config.ts) keeps the app shell, so pages that keep their work
// on the device open offline next time. A new version takes over at the next page load; it
// never reloads a page under someone's hands. Offline, the check for a new one fails: fine.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
