// Converts one Swagger 2.0 document (YAML or JSON) to OpenAPI 3.0 with swagger2openapi and writes it to stdout as JSON.
// Driven by tests/Generator.Tests' Swagger2ConversionTests: the oracle the 2.0 reader is compared with.
'use strict';
const fs = require('fs');
const yaml = require('yaml');
const converter = require('swagger2openapi');

const text = fs.readFileSync(process.argv[2], 'utf8').replace(/^\uFEFF/, '');
const swagger = yaml.parse(text);
// patch: fix what swagger2openapi can; warnOnly: convert what it cannot fix too (the test lists the losses).
converter.convertObj(swagger, { patch: true, warnOnly: true, resolve: false }, (err, options) => {
  if (err) {
    process.stderr.write(String(err.stack || err));
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(options.openapi, null, 2));
});
