# A stand-in USB printer: a pseudo-terminal (a real character device). Prints the slave's path, then
# collects what is written to it until stdin closes, and prints the bytes as hex.
import os, pty, select, sys, termios, tty
master, slave = pty.openpty()
tty.setraw(slave)
print(os.ttyname(slave), flush=True)
data = b''
while True:
    r, _, _ = select.select([master, sys.stdin], [], [], 0.05)
    if master in r:
        data += os.read(master, 65536)
    if sys.stdin in r and not sys.stdin.readline():
        break
print(data.hex(), flush=True)
