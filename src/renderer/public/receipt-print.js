// Loaded by a receipt page opened from browser mode: opens the print dialog (print or save as PDF).
window.addEventListener('load', () => window.print());
