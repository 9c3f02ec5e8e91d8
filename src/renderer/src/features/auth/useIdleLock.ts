import { useEffect } from 'react';
import { api } from '../../api/client';

/**
 * Locks the screen after the configured minutes without keyboard or mouse activity. Main
 * enforces the same limit on its side, so a stalled page cannot keep a session open.
 */
export function useIdleLock(idleMinutes: number | null, onLocked: () => void) {
  useEffect(() => {
    if (idleMinutes === null) return;
    let last = Date.now();
    const mark = () => (last = Date.now());
    // Deliberate input only: the mouse nudge that wakes a PC must not count as someone at the desk.
    const events = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - last > idleMinutes * 60_000) {
        void api['auth.lock']({}).then(onLocked);
      }
    }, 5_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [idleMinutes, onLocked]);
}
