// Command gen-python-sdk writes a Python SDK for a Pulumi package schema with the Python code generator of the
// Pulumi CLI module this folder's go.mod pins (pkg/v3/codegen/python), the same generator `pulumi package gen-sdk`
// reaches through newer Python language hosts. The schema is first bound and checked against Pulumi's package
// metaschema, so a schema error fails here, naming the property.
//
//	gen-python-sdk <schema.json> <output folder>
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen-python-sdk <schema.json> <output folder>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "gen-python-sdk: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir string) error {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	// No loader: the package references no other package (a reference would fail binding, loudly).
	pkg, diags, err := schema.BindSpec(spec, nil, schema.ValidationOptions{})
	if err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s: %s", schemaPath, diags.Error())
	}
	files, err := python.GeneratePackage("aicluster gen-python-sdk", pkg, nil, nil)
	if err != nil {
		return err
	}
	for name, content := range files {
		target := filepath.Join(outDir, name)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, content, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gen-python-sdk: %d files in %s\n", len(files), outDir)
	return nil
}
