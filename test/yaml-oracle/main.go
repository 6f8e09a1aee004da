// Command yaml-oracle reads YAML exactly as Argo v4.1.2's `argo lint --strict` does before it decodes into Argo's
// types (workflow/common/parse.go ParseObjects): the file is split with the regex `\n---`, blank pieces are
// skipped, and each piece goes through sigs.k8s.io/yaml's YAMLToJSON (go-yaml v2, the non-strict pass Argo makes to
// find the kind) and YAMLToJSONStrict (the strict pass: duplicate keys are errors). Only the YAML layer: no Argo
// types, so that the argo-gen reader can be compared value for value.
//
//	yaml-oracle FILE...   one JSON line per file: {"file":…,"chunks":[{"offset":n,"json":…}|{"offset":n,"error":"…"}]}
//	yaml-oracle -batch    stdin is a JSON array of strings (documents); stdout is a JSON array of results, one per
//	                      string, each {"chunks":[…]} as above
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"sigs.k8s.io/yaml"
)

// yamlSeparator is Argo's split (workflow/common/parse.go).
var yamlSeparator = regexp.MustCompile(`\n---`)

type chunk struct {
	// Offset is the byte offset of the piece in the input.
	Offset int             `json:"offset"`
	JSON   json.RawMessage `json:"json,omitempty"`
	Error  string          `json:"error,omitempty"`
}

type result struct {
	File   string  `json:"file,omitempty"`
	Chunks []chunk `json:"chunks"`
}

func read(text string) result {
	res := result{Chunks: []chunk{}}
	start := 0
	bounds := yamlSeparator.FindAllStringIndex(text, -1)
	bounds = append(bounds, []int{len(text), len(text)})
	for _, b := range bounds {
		piece := text[start:b[0]]
		offset := start
		start = b[1]
		if strings.TrimSpace(piece) == "" {
			continue
		}
		// Argo's first pass (yaml.Unmarshal into Unstructured) converts with the non-strict reader; the strict
		// pass follows. A document must survive both.
		if _, err := yaml.YAMLToJSON([]byte(piece)); err != nil {
			res.Chunks = append(res.Chunks, chunk{Offset: offset, Error: err.Error()})
			continue
		}
		j, err := yaml.YAMLToJSONStrict([]byte(piece))
		if err != nil {
			res.Chunks = append(res.Chunks, chunk{Offset: offset, Error: err.Error()})
			continue
		}
		res.Chunks = append(res.Chunks, chunk{Offset: offset, JSON: j})
	}
	return res
}

func main() {
	args := os.Args[1:]
	enc := json.NewEncoder(os.Stdout)
	if len(args) == 1 && args[0] == "-batch" {
		in, err := io.ReadAll(os.Stdin)
		if err != nil {
			fail(err)
		}
		var texts []string
		if err := json.Unmarshal(in, &texts); err != nil {
			fail(err)
		}
		out := make([]result, len(texts))
		for i, t := range texts {
			out[i] = read(t)
		}
		if err := enc.Encode(out); err != nil {
			fail(err)
		}
		return
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: yaml-oracle FILE... | yaml-oracle -batch < strings.json")
		os.Exit(2)
	}
	for _, f := range args {
		data, err := os.ReadFile(f)
		if err != nil {
			fail(err)
		}
		r := read(string(data))
		r.File = f
		if err := enc.Encode(r); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "yaml-oracle:", err)
	os.Exit(2)
}
