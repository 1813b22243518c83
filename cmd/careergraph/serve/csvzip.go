package serve

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"

	"careergraph/graph"
	"careergraph/graph/export"
)

// writeCSVZip writes the csv export (two tables) as one zip archive. The
// export writes a folder, so the tables go through a private temporary
// folder, removed before returning; no request names any path of it.
func writeCSVZip(w io.Writer, g *graph.Graph) error {
	dir, err := os.MkdirTemp("", "careergraph-csv-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := export.WriteCSV(dir, g); err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, name := range []string{export.RolesFile, export.MovesFile} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		f, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}
