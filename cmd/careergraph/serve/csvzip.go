package serve

import (
	"archive/zip"
	"io"

	"careergraph/graph"
	"careergraph/graph/export"
)

// writeCSVZip writes the csv export (two tables) as one zip archive,
// each table streamed into its own entry; nothing touches the file
// system.
func writeCSVZip(w io.Writer, g *graph.Graph) error {
	zw := zip.NewWriter(w)
	create := func(name string) (io.WriteCloser, error) {
		f, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		return nopCloser{f}, nil
	}
	if err := export.WriteCSV(create, g); err != nil {
		return err
	}
	return zw.Close()
}

// nopCloser lets a zip entry serve as the WriteCloser the export asks
// for; the entry ends when the next one is created or the archive closes.
type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
