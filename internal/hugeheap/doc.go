// Package hugeheap asks the system to back the Go heap with huge pages
// where it would not otherwise.
//
// On Linux, with transparent huge pages in "madvise" mode (many
// distributions' default), memory gets huge pages only where a program
// asks, and the Go runtime does not ask. A process that fills a few
// hundred megabytes of fresh heap then takes a page fault every 4 KiB,
// and on some machines, virtual ones above all, faults are most of the
// time it takes: careergraph's warm start at 100,000 documents ran in
// 1.13–1.21 s with 4 KiB pages and 0.55–0.94 s with the heap primed here
// (RSS alike), half of it CPU time saved in the program itself (fewer
// TLB misses).
package hugeheap

// perFile is about as much heap as a load with no snapshot takes at its
// peak for each file it reads: 0.9 GB at 100,000 synthetic documents,
// 2.7 GB at 300,000 (`make bench`).
const perFile = 10 << 10

// ForFiles primes the heap (see Prime) for a load that reads files
// files. Past the first GiB a program primes at its start, a heap that
// grows into 4 KiB pages pays for it: a load of 300,000 documents took
// 21.9–24.4 s with 1 GiB primed and 17.9–19.4 s with 4 GiB.
func ForFiles(files int) { Prime(files * perFile) }
