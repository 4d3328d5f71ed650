import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './App';
import './global.css';
import { useLedger } from './state';

// The ledger is asked for before the first render, so the host answers while the shell is being drawn.
void useLedger.getState().load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
