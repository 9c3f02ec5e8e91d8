#!/bin/sh
# Meja Pengaduan (deb): the per-machine data folder, for the members of group meja-pengaduan only.
# Add each officer's account:  sudo usermod -aG meja-pengaduan <account>
set -e
getent group meja-pengaduan >/dev/null || groupadd --system meja-pengaduan
install -d -m 2770 -o root -g meja-pengaduan /var/lib/meja-pengaduan
ln -sf '/opt/Meja Pengaduan/meja-pengaduan' /usr/bin/meja-pengaduan
# Electron's sandbox helper must be setuid root (an unsandboxed start is refused on Ubuntu 24.04+).
if [ -f '/opt/Meja Pengaduan/chrome-sandbox' ]; then
  chown root:root '/opt/Meja Pengaduan/chrome-sandbox'
  chmod 4755 '/opt/Meja Pengaduan/chrome-sandbox'
fi
