import { FormBuilderStyles } from '@lattice/form-builder';
import { createRoot } from 'react-dom/client';
import { getLocale } from './lib/i18n';
import { StudioApp } from './shell/studio-app';
import '@lattice/form-builder/lattice-base.css';
import './styles.css';

document.documentElement.lang = getLocale();
createRoot(document.getElementById('root')!).render(
  <>
    <FormBuilderStyles />
    <StudioApp />
  </>,
);
