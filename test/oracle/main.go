// Command argo-oracle validates Argo Workflows manifests offline with Argo's own
// code, the way `argo lint --offline --strict` does, and prints one JSON verdict
// per document. argo-gen's differential tests compare their own verdicts with it.
//
// Usage: argo-oracle [-strict=true] [-objects] [-v] FILE|DIR|- ...
//
// Directories are walked recursively for .yaml, .yml and .json files, as
// `argo lint` does. The exit code is 0 whatever the verdicts (they are data);
// 2 means a usage error or an unreadable path.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	// Embedded zone data, so CronWorkflow timezones validate the same on any machine.
	_ "time/tzdata"
)

func main() {
	strict := flag.Bool("strict", true, "strict decoding: unknown fields and duplicate keys are errors (argo lint's default)")
	objects := flag.Bool("objects", false, "attach each Argo document as JSON (\"object\"), as go-yaml reads it")
	verbose := flag.Bool("v", false, "show Argo's own log lines on stderr")
	version := flag.Bool("version", false, "print the Argo Workflows module version this oracle was built with")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s [-strict=true] [-objects] [-v] FILE|DIR|- ...\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()

	if *version {
		fmt.Println(argoVersion())
		return
	}
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}

	// Argo's code requires a logger in the context (it panics without one).
	// Its logs are noise for a verdict stream, so they are dropped unless -v.
	var logOut io.Writer = io.Discard
	if *verbose {
		logOut = os.Stderr
	}
	ctx := argoContext(logOut)

	inputs, err := readInputs(ctx, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "argo-oracle:", err)
		os.Exit(2)
	}

	verdicts, warnings := run(ctx, inputs, runOpts{strict: *strict, objects: *objects})
	// Warnings mark where `argo lint --offline` would have aborted the whole run
	// (duplicate template names, unparseable documents) and we carried on.
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "argo-oracle: warning:", w)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, v := range verdicts {
		if err := enc.Encode(v); err != nil {
			fmt.Fprintln(os.Stderr, "argo-oracle:", err)
			os.Exit(2)
		}
	}
}

// readInputs reads every manifest once, with Argo's own walker (so "-" is stdin,
// reported as "stdin", and extensions are filtered the same way). Argo reads the
// files twice (index, then lint); reading once lets stdin feed both passes.
func readInputs(ctx context.Context, paths []string) ([]input, error) {
	var inputs []input
	for _, p := range paths {
		err := walkManifests(ctx, p, func(path string, data []byte) error {
			inputs = append(inputs, input{path: path, data: data})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return inputs, nil
}

func argoVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if strings.HasPrefix(d.Path, "github.com/argoproj/argo-workflows/") {
				return d.Version
			}
		}
	}
	return "unknown"
}
