package main

import (
	"context"
	"regexp"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"

	jsonpkg "github.com/argoproj/argo-workflows/v4/util/json"
)

// yamlSeparator is the exact regex Argo splits files with (workflow/common/parse.go).
// It is not a YAML document-start parser: it also splits on "\n----" or on a
// line starting with "---" inside a block scalar, and so do we, on purpose.
var yamlSeparator = regexp.MustCompile(`\n---`)

// chunk is one piece of a file after Argo's split.
type chunk struct {
	text string
	line int // 1-based line in the file where the chunk starts (the "---" line)
}

// splitChunks reproduces the split half of common.ParseObjects. A file that is
// one JSON value is a single chunk, as in Argo.
func splitChunks(data []byte) []chunk {
	if jsonpkg.IsJSON(data) {
		return []chunk{{text: string(data), line: 1}}
	}
	s := string(data)
	var out []chunk
	start := 0
	for _, loc := range yamlSeparator.FindAllStringIndex(s, -1) {
		out = append(out, chunk{text: s[start:loc[0]], line: 1 + strings.Count(s[:start], "\n")})
		start = loc[1]
	}
	out = append(out, chunk{text: s[start:], line: 1 + strings.Count(s[:start], "\n")})
	return out
}

// parseChunk runs Argo's own parser on one chunk. A chunk never contains "\n---",
// so common.ParseObjects yields at most one result and behaves exactly as it
// does for that chunk inside the whole file (the one difference: a chunk of a
// multi-document YAML file that happens to be valid JSON takes Argo's JSON path,
// which decodes the same value).
func parseChunk(ctx context.Context, text string, strict bool) (obj metav1.Object, found bool, err error) {
	res := parseObjects(ctx, []byte(text), strict)
	if len(res) == 0 {
		return nil, false, nil
	}
	return res[0].Object, true, res[0].Err
}

// header is what we read ourselves from a document Argo returns nothing for
// (or returns a bare ObjectMeta for), to name it in the output.
type header struct {
	Kind     string `json:"kind"`
	Metadata struct {
		Name         string `json:"name"`
		GenerateName string `json:"generateName"`
	} `json:"metadata"`
}

// classify tells what a chunk is when Argo's parser returned nothing for it:
// empty (blank or comment-only: not a document), a YAML syntax error, or a
// YAML value that is not a Kubernetes object.
func classify(text string) (empty bool, h header, syntaxErr error) {
	if strings.TrimSpace(text) == "" {
		return true, h, nil
	}
	j, err := yaml.YAMLToJSON([]byte(text))
	if err != nil {
		return false, h, err
	}
	if string(j) == "null" {
		return true, h, nil
	}
	_ = yaml.Unmarshal([]byte(text), &h) // best effort: only for naming
	return false, h, nil
}
