package sim

import (
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// readItems reads a distributed Map's items through its ItemReader. The
// data comes from the mock source under the Map state's name: a JSON array
// (InputType JSON, or any reader), an object with Contents (S3 listings),
// or text (CSV / JSONL).
func (r *stateRun) readItems(s *asl.MapState, eff any) ([]any, *failure) {
	ir := s.ItemReader
	cfg := ir.Get("ReaderConfig")
	x, present, fl := r.mapField(cfg.Get("MaxItems"), str(cfg.Get("MaxItemsPath")), "MaxItems", eff)
	if fl != nil {
		return nil, fl
	}
	var maxItems int64
	if present {
		n, ok := pyInt(x, true)
		if !ok {
			return nil, newFailure(ErrItemReaderFailed, "field MaxItems must be an integer")
		}
		if n < 0 {
			return nil, newFailure(ErrItemReaderFailed, "field MaxItems must be positive")
		}
		// The Distributed Map stops reading items beyond 100,000,000.
		maxItems = min(n, 100_000_000)
	}
	e := r.f.e
	rg, n, mocked := e.mocks.next(r.base.Name)
	if !mocked || rg == nil {
		return nil, failuref(ErrItemReaderFailed, "No mock for the ItemReader of Map state '%s' (invocation #%d): mock the state with the items (a JSON array, or CSV/JSONL text).", r.base.Name, n)
	}
	if rg.Throw != nil {
		return nil, &failure{Error: rg.Throw.Error, HasError: true, Cause: rg.Throw.Cause, HasCause: rg.Throw.HasCause}
	}
	var items []any
	inputType := str(cfg.Get("InputType"))
	switch v := rg.Return.(type) {
	case []any:
		items = v
	case map[string]any:
		if c, ok := v["Contents"].([]any); ok {
			items = c
		} else if b, ok := v["Body"].(string); ok {
			items, fl = parseReaderText(b, inputType, cfg)
		} else {
			items = []any{v}
		}
	case string:
		items, fl = parseReaderText(v, inputType, cfg)
	default:
		fl = failuref(ErrItemReaderFailed, "The ItemReader data of Map state '%s' is not a list of items.", r.base.Name)
	}
	if fl != nil {
		return nil, fl
	}
	if maxItems > 0 && int64(len(items)) > maxItems {
		items = items[:maxItems]
	}
	return items, nil
}

func parseReaderText(text, inputType string, cfg *asl.Value) ([]any, *failure) {
	switch inputType {
	case "CSV":
		rd := csv.NewReader(strings.NewReader(text))
		rd.FieldsPerRecord = -1
		rows, err := rd.ReadAll()
		if err != nil {
			return nil, failuref(ErrItemReaderFailed, "CSV: %v", err)
		}
		var headers []string
		if str(cfg.Get("CSVHeaderLocation")) == "GIVEN" {
			for _, h := range cfg.Get("CSVHeaders").Items {
				headers = append(headers, h.Str)
			}
		} else if len(rows) > 0 {
			headers, rows = rows[0], rows[1:]
		}
		out := make([]any, 0, len(rows))
		for _, row := range rows {
			m := map[string]any{}
			for i, h := range headers {
				if i < len(row) {
					m[h] = row[i]
				} else {
					m[h] = ""
				}
			}
			out = append(out, m)
		}
		return out, nil
	case "JSONL":
		var out []any
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			v, err := asl.DecodeJSON([]byte(line))
			if err != nil {
				return nil, failuref(ErrItemReaderFailed, "JSONL: %v", err)
			}
			out = append(out, v)
		}
		return out, nil
	}
	v, err := asl.DecodeJSON([]byte(text))
	if err != nil {
		return nil, failuref(ErrItemReaderFailed, "JSON: %v", err)
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, newFailure(ErrItemReaderFailed, fmt.Sprintf("Attempting to map over non-iterable node (%s).", expr.TypeName(v)))
	}
	return arr, nil
}
