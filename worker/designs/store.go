package designs

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Memory is a Store in memory: the designs last as long as the process.
type Memory struct {
	mu sync.RWMutex
	m  map[string][]byte
}

// Get returns the design stored under id.
func (s *Memory) Get(_ context.Context, id string) ([]byte, bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, ok := s.m[id]
	return b, ok, nil
}

// Put stores a design under id.
func (s *Memory) Put(_ context.Context, id string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string][]byte{}
	}
	s.m[id] = append([]byte(nil), data...)
	return nil
}

// Dir is a Store in a folder, a file ID.json per design.
type Dir string

// Get returns the design stored under id.
func (d Dir) Get(_ context.Context, id string) ([]byte, bool, error) {
	if !ValidID(id) {
		return nil, false, nil
	}
	b, err := os.ReadFile(filepath.Join(string(d), id+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	return b, err == nil, err
}

// Put stores a design under id; the file appears whole or not at all.
func (d Dir) Put(_ context.Context, id string, data []byte) error {
	if !ValidID(id) {
		return errors.New("not a design id: " + id)
	}
	if err := os.MkdirAll(string(d), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(string(d), id+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), filepath.Join(string(d), id+".json"))
}
