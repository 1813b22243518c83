//go:build !unix

package gvcache

import "io/fs"

// ownedByUser reports whether the current user owns the file; outside
// Unix the folder's place in the user's own cache folder must do.
func ownedByUser(fs.FileInfo) bool { return true }
