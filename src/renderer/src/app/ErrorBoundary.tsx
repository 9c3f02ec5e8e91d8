/**
 * The last guard of the window: a screen that throws while rendering is replaced by a notice with a
 * way back (show it again, or reload), and the error goes to the desk's log through main. Errors
 * outside React (an event handler, a promise nobody awaited) are reported the same way.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../api/report';

function CrashNotice({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="centered crash" role="alert">
      <h1>{t('ui.crash.title')}</h1>
      <p>{t('ui.crash.body')}</p>
      <p>
        <button type="button" onClick={onRetry} autoFocus>
          {t('ui.crash.retry')}
        </button>{' '}
        <button type="button" onClick={() => window.location.reload()}>
          {t('ui.crash.reload')}
        </button>
      </p>
    </div>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    reportError(
      'screen',
      Object.assign(error, { stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}` }),
    );
  }

  override render() {
    if (this.state.failed) return <CrashNotice onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
