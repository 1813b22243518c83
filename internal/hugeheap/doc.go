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
