package snapshot

import "golang.org/x/sys/unix"

// sysFstatat is the number of the system's fstatat call here.
const sysFstatat = unix.SYS_FSTATAT
