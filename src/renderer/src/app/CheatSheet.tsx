/** The keyboard cheat sheet: F1, or "?" outside a text field, from any screen; Esc closes it. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Every shortcut of the desk, by where it works: [keys, catalogue key of what it does]. */
export const shortcutGroups: Array<{ title: string; keys: Array<[string, string]> }> = [
  {
    title: 'ui.help.everywhere',
    keys: [
      ['Alt+N', 'ui.help.keys.newComplaint'],
      ['Alt+A', 'ui.help.keys.queue'],
      ['Alt+T', 'ui.help.keys.review'],
      ['Alt+L', 'ui.help.keys.reports'],
      ['F1 / ?', 'ui.help.keys.help'],
      ['QR', 'ui.help.keys.scan'],
    ],
  },
  {
    title: 'ui.help.intake',
    keys: [
      ['Tab / Shift+Tab', 'ui.help.keys.nextField'],
      ['Ctrl+Enter / Alt+S', 'ui.help.keys.save'],
      ['Esc', 'ui.help.keys.discard'],
      ['Alt+B', 'ui.help.keys.attach'],
      ['::kata', 'ui.help.keys.snippet'],
      ['↑ ↓ Enter', 'ui.help.keys.combobox'],
    ],
  },
  {
    title: 'ui.help.queue',
    keys: [
      ['/', 'ui.help.keys.search'],
      ['↑ ↓ PgUp PgDn', 'ui.help.keys.move'],
      ['Enter', 'ui.help.keys.open'],
      ['Spasi / Space', 'ui.help.keys.select'],
      ['Ctrl+A', 'ui.help.keys.selectAll'],
      ['1 – 7', 'ui.help.keys.views'],
      ['V T I P S U L A R C D', 'ui.help.keys.actions'],
      ['K', 'ui.help.keys.copyLapor'],
      ['Esc', 'ui.help.keys.close'],
    ],
  },
];

export function CheatSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="cheatsheet" aria-labelledby="cheatsheet-title" onClose={onClose}>
      <h2 id="cheatsheet-title">{t('ui.help.title')}</h2>
      <div className="cheatsheet__groups">
        {shortcutGroups.map((g) => (
          <section key={g.title}>
            <h3>{t(g.title)}</h3>
            <dl>
              {g.keys.map(([keys, what]) => (
                <div key={what}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{t(what)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('ui.detail.close')} <kbd>Esc</kbd>
        </button>
      </form>
    </dialog>
  );
}
