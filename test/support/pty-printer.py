# A stand-in USB printer: a pseudo-terminal (a real character device). Prints the slave's path, then
# collects what is written to it until stdin closes, and prints the bytes as hex. With the argument
# "stuck" it never reads: a printer out of paper, whose buffer fills and whose writes then block.
import os, pty, select, sys, termios, tty
master, slave = pty.openpty()
tty.setraw(slave)
print(os.ttyname(slave), flush=True)
data = b''
while True:
    stuck = len(sys.argv) > 1 and sys.argv[1] == 'stuck'
    r, _, _ = select.select([sys.stdin] if stuck else [master, sys.stdin], [], [], 0.05)
    if master in r:
        data += os.read(master, 65536)
    if sys.stdin in r and not sys.stdin.readline():
        break
print(data.hex(), flush=True)
