; Meja Pengaduan: the per-machine data folder and who may use it (electron-builder NSIS include).
; One desk per PC, not per Windows account: the data lives in %ProgramData%\MejaPengaduan, readable and
; writable by the members of the local group "Meja Pengaduan" (the officers' Windows accounts) and by
; administrators only. Add each officer's Windows account to the group:  net localgroup "Meja Pengaduan" <akun> /add

!macro customInstall
  CreateDirectory "$COMMONAPPDATA\MejaPengaduan"
  nsExec::ExecToLog 'net localgroup "Meja Pengaduan" /add /comment:"Pengguna Meja Pengaduan"'
  ; Only administrators, SYSTEM and the group; nothing inherited from ProgramData (where Users may read).
  nsExec::ExecToLog 'icacls "$COMMONAPPDATA\MejaPengaduan" /inheritance:r /grant:r "*S-1-5-32-544:(OI)(CI)F" "*S-1-5-18:(OI)(CI)F" "Meja Pengaduan:(OI)(CI)M"'
!macroend

!macro customUnInstall
  ; The data stays: a complaint register is not removed with the program. Say so.
  DetailPrint "Data meja tetap disimpan di $COMMONAPPDATA\MejaPengaduan"
!macroend
