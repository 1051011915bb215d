import { Component, type ReactNode } from 'react';
import { t } from '../lib/ui-text';

/**
 * Keeps one failing part (a page, a record section, an extension) from blanking the whole app: it shows
 * an inline error instead. `resetKey` changes (e.g. the path) clear the error.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string; compact?: boolean },
  { error: Error | null; key: string | undefined }
> {
  override state: { error: Error | null; key: string | undefined } = {
    error: null,
    key: this.props.resetKey,
  };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey?: string },
    state: { error: Error | null; key: string | undefined },
  ) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className={`lt-error-banner${this.props.compact ? '' : ' rt-page-error'}`} role="alert">
        {t('renderError')}: {this.state.error.message}
      </div>
    );
  }
}
