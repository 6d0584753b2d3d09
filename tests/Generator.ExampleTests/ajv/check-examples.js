#!/usr/bin/env node
// Checks every example in one OpenAPI 3.0/3.1 document with ajv, an independent JSON Schema validator,
// and prints one JSON record per example (JSON Lines) for tests/Generator.ExampleTests.
//
//   node check-examples.js SPEC.yaml > records.jsonl
//
// A record: { spec, kind, example, schema, resolved, component, rest, sites, itemsResolved, value,
//             valid (true/false, or null when ajv could not compile the schema), errors }
//   kind       schema (under components.schemas) | request | response | parameter | header | other
//   example    JSON Pointer of the example value in the document (for a media-type `examples` entry
//              that is a $ref, the pointer of the entry; `exampleRef` is where the value lives)
//   schema     JSON Pointer of the schema the example exemplifies (as written, maybe a $ref)
//   resolved   `schema` after following $refs
//   component  the components.schemas name when the example sits inside that component, with `rest`
//              the pointer segments from the component to `schema`
//   users      for an example of a component: up to 20 places where another component refers to it
//              ({ component, rest }), to check it through a model when it is none itself
//   sites      for request/response examples: the operations the media type belongs to (a component
//              requestBody/response lists every operation that refers to it: method, path, status,
//              whether this media type is the one the generator types, and for a 2xx with an inline
//              object schema its rank among those), with `rest` the segments from the media type's
//              schema to `schema`
//   itemsResolved  for an array schema, its `items` after following $refs
//
// Dialects. A 3.1 document is JSON Schema 2020-12 (ajv/dist/2020). A 3.0 document's Schema Objects
// are turned into draft-07 (ajv's default) by a small transform of a copy of the document:
//   - `nullable: true` beside a `type` adds "null" to the types (and to `enum`, when there is one);
//     without a `type` it means nothing (OAS 3.0.3, "nullable"), and it is removed either way;
//   - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) become the numeric draft-06+ form;
//   - a Reference Object's siblings are ignored (OAS 3.0: "This object cannot be extended").
// @openapi-contrib/openapi-schema-to-json-schema was tried first and not used: it converts one schema
// at a time (not a document whose $refs must resolve), overwrites `pattern` for `format: byte`, drops
// `required` names that another allOf part declares, and leaves boolean exclusiveMinimum (draft-04).
//
// The whole (transformed) document is added to ajv with an $id, and each schema is compiled as
// { $ref: "<id>#<pointer>" }, so every $ref in the document resolves; the document's own `$id`s and
// anchors are taken out first (withoutIdentifiers says why). Should ajv still refuse the document, every
// example gets valid: null and the reason, and the test reports them as not judged. strict: false (OpenAPI keywords
// such as `example`, `discriminator`, `xml` are not JSON Schema keywords); unknown formats are
// ignored (OpenAPI: formats the tool does not know are annotations); ajv-formats checks the rest.
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv07 = require('ajv').default;
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const DOC_ID = 'https://example.invalid/openapi-document.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// The formats checked: JSON Schema's (2020-12, §7.3) and the OpenAPI format registry's that ajv-formats
// implements. Its non-standard extras (url, iso-time, iso-date-time, json-pointer-uri-fragment) are
// left out: to OpenAPI, like any format a tool does not know, they are annotations.
const STANDARD_FORMATS = ['date-time', 'date', 'time', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uri',
  'uri-reference', 'uri-template', 'uuid', 'json-pointer', 'relative-json-pointer', 'regex',
  'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

// Keywords whose value is one schema, or a list or map of schemas (JSON Schema 2020-12 and OAS 3.0).
const SCHEMA_ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];

function escape(segment) {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(segment) {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function join(pointer, ...segments) {
  return pointer + segments.map((s) => '/' + escape(s)).join('');
}

function segmentsOf(pointer) {
  return pointer === '#' ? [] : pointer.slice(2).split('/').map(unescape);
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node check-examples.js SPEC.yaml\n');
    process.exit(2);
  }

  const text = fs.readFileSync(file, 'utf8');
  // Integers are read as BigInt so that an example such as 9223372036854775807 reaches the test
  // exactly; ajv sees them as JS numbers (plain()), and the output prints them digit for digit.
  const doc = YAML.parse(text, { merge: true, maxAliasCount: -1, uniqueKeys: false, intAsBigInt: true });
  const version = String(doc.openapi || '');
  const is31 = version.startsWith('3.1');

  const get = (pointer) => {
    let node = doc;
    for (const s of segmentsOf(pointer)) {
      if (node === null || typeof node !== 'object' || !(s in node)) {
        return undefined;
      }
      node = node[s];
    }
    return node;
  };

  // Follows a chain of local $refs; returns the final pointer (or the last one that resolved).
  const resolve = (pointer) => {
    const seen = new Set();
    let current = pointer;
    for (;;) {
      const node = get(current);
      if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#') || seen.has(current)) {
        return current;
      }
      seen.add(current);
      const target = node.$ref === '#' ? '#' : node.$ref;
      if (get(target) === undefined) {
        return current;
      }
      current = target;
    }
  };

  const records = [];
  const add = (record) => records.push(record);
  const refUsers = new Map();

  // ---- the walk -----------------------------------------------------------------------------------
  // context: { kind, component, componentRest, mediaSchema (pointer of the media type's schema), sites }
  function walkSchema(node, pointer, context, visited) {
    if (!isObject(node)) {
      return;
    }
    if (visited.has(node)) {
      return; // a YAML alias can make a schema contain itself
    }
    visited.add(node);
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/') && context.component !== undefined) {
      // Where a component is used inside another: an example of a component that is no model of its
      // own (a string, an enum, an array) can be checked through the model that uses it.
      const base = join('#/components/schemas', context.component);
      const users = refUsers.get(node.$ref) || [];
      if (users.length < 20) {
        users.push({ component: context.component, rest: segmentsOf(pointer).slice(segmentsOf(base).length) });
      }
      refUsers.set(node.$ref, users);
    }
    if ('example' in node) {
      addSchemaExample(node.example, join(pointer, 'example'), pointer, context);
    }
    if (is31 && Array.isArray(node.examples)) {
      node.examples.forEach((value, i) => addSchemaExample(value, join(pointer, 'examples', i), pointer, context));
    }
    for (const key of SCHEMA_ONE) {
      if (isObject(node[key])) {
        walkSchema(node[key], join(pointer, key), context, visited);
      }
    }
    if (Array.isArray(node.items)) {
      node.items.forEach((item, i) => walkSchema(item, join(pointer, 'items', i), context, visited));
    }
    for (const key of SCHEMA_LIST) {
      if (Array.isArray(node[key])) {
        node[key].forEach((item, i) => walkSchema(item, join(pointer, key, i), context, visited));
      }
    }
    for (const key of SCHEMA_MAP) {
      if (isObject(node[key])) {
        for (const name of Object.keys(node[key])) {
          walkSchema(node[key][name], join(pointer, key, name), context, visited);
        }
      }
    }
    visited.delete(node);
  }

  function addSchemaExample(value, examplePointer, schemaPointer, context) {
    add(makeRecord(context, value, examplePointer, schemaPointer));
  }

  function makeRecord(context, value, examplePointer, schemaPointer, exampleRef) {
    const record = { kind: context.kind, example: examplePointer, schema: schemaPointer, value };
    if (exampleRef) {
      record.exampleRef = exampleRef;
    }
    if (context.component !== undefined) {
      const base = join('#/components/schemas', context.component);
      record.component = context.component;
      record.rest = segmentsOf(schemaPointer).slice(segmentsOf(base).length);
    }
    if (context.mediaSchema !== undefined) {
      record.rest = segmentsOf(schemaPointer).slice(segmentsOf(context.mediaSchema).length);
      record.sites = context.sites;
    }
    return record;
  }

  function walkMedia(media, pointer, mediaType, context) {
    if (!isObject(media)) {
      return;
    }
    const schemaPointer = join(pointer, 'schema');
    const inner = { ...context, mediaSchema: schemaPointer, mediaType };
    if (context.sites) {
      inner.sites = context.sites.map((s) => ({ ...s, mediaType, chosen: s.chosenMedia === mediaType }));
    }
    if (isObject(media.schema)) {
      walkSchema(media.schema, schemaPointer, inner, new Set());
    }
    const hasSchema = media.schema !== undefined;
    if ('example' in media) {
      add(hasSchema ? makeRecord(inner, media.example, join(pointer, 'example'), schemaPointer)
        : { kind: 'other', example: join(pointer, 'example'), value: media.example, note: 'media type without a schema' });
    }
    if (isObject(media.examples)) {
      for (const name of Object.keys(media.examples)) {
        const at = join(pointer, 'examples', name);
        const target = resolve(at);
        const example = get(target);
        if (!isObject(example) || !('value' in example)) {
          add({ kind: 'other', example: at, note: isObject(example) && 'externalValue' in example ? 'externalValue (not fetched)' : 'example without a value' });
          continue;
        }
        const exampleRef = target === at ? undefined : join(target, 'value');
        add(hasSchema ? makeRecord(inner, example.value, join(at, 'value'), schemaPointer, exampleRef)
          : { kind: 'other', example: join(at, 'value'), value: example.value, note: 'media type without a schema' });
      }
    }
  }

  function walkContent(content, pointer, context) {
    if (!isObject(content)) {
      return;
    }
    for (const mediaType of Object.keys(content)) {
      walkMedia(content[mediaType], join(pointer, mediaType), mediaType, context);
    }
  }

  // The media type the generator types (OperationBuilder.JsonMedia): the first JSON-like one; for a
  // request body without one, a form (application/x-www-form-urlencoded) of an object.
  function chosenMedia(content, isRequest) {
    if (!isObject(content)) {
      return undefined;
    }
    for (const mediaType of Object.keys(content)) {
      const bare = mediaType.split(';')[0].trim().toLowerCase();
      if (bare === 'application/json' || bare.endsWith('+json') || bare === '*/*' || bare === 'application/*') {
        return mediaType;
      }
    }
    if (isRequest) {
      return Object.keys(content).find((m) => m.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded');
    }
    return undefined;
  }

  function walkParameterOrHeader(node, pointer, kind) {
    if (!isObject(node) || typeof node.$ref === 'string') {
      return;
    }
    const context = { kind };
    const schemaPointer = join(pointer, 'schema');
    if (isObject(node.schema)) {
      walkSchema(node.schema, schemaPointer, context, new Set());
    }
    if ('example' in node) {
      add(makeRecord(context, node.example, join(pointer, 'example'), schemaPointer));
    }
    if (isObject(node.examples)) {
      for (const name of Object.keys(node.examples)) {
        const at = join(pointer, 'examples', name);
        const target = resolve(at);
        const example = get(target);
        if (isObject(example) && 'value' in example) {
          add(makeRecord(context, example.value, join(at, 'value'), schemaPointer, target === at ? undefined : join(target, 'value')));
        }
      }
    }
    walkContent(node.content, join(pointer, 'content'), context);
  }

  function walkHeaders(headers, pointer) {
    if (isObject(headers)) {
      for (const name of Object.keys(headers)) {
        walkParameterOrHeader(headers[name], join(pointer, name), 'header');
      }
    }
  }

  function walkParameters(parameters, pointer) {
    if (Array.isArray(parameters)) {
      parameters.forEach((p, i) => walkParameterOrHeader(p, join(pointer, i), 'parameter'));
    }
  }

  // Component request bodies and responses are walked once, with every operation that uses them.
  const bodyUses = new Map();
  const responseUses = new Map();
  const note = (map, ref, site) => {
    if (!map.has(ref)) {
      map.set(ref, []);
    }
    map.get(ref).push(site);
  };

  const operations = [];
  function collectPathItem(item, pointer, pathName, generated) {
    if (!isObject(item)) {
      return;
    }
    walkParameters(item.parameters, join(pointer, 'parameters'));
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) {
        continue;
      }
      const opPointer = join(pointer, method);
      operations.push({ op, opPointer, method, pathName, generated });
    }
  }

  function walkOperation({ op, opPointer, method, pathName, generated }) {
    walkParameters(op.parameters, join(opPointer, 'parameters'));
    const siteOf = (status, content) => ({ method: method.toUpperCase(), path: pathName, operationId: op.operationId, status, generated, chosenMedia: chosenMedia(content, status === null) });
    if (isObject(op.requestBody)) {
      const target = resolve(join(opPointer, 'requestBody'));
      const body = get(target);
      const site = siteOf(null, isObject(body) ? body.content : undefined);
      if (target !== join(opPointer, 'requestBody')) {
        note(bodyUses, target, site);
      } else {
        walkContent(op.requestBody.content, join(opPointer, 'requestBody', 'content'), { kind: 'request', sites: [site] });
      }
    }
    if (isObject(op.responses)) {
      let inlineSuccesses = 0;
      for (const status of Object.keys(op.responses)) {
        const at = join(opPointer, 'responses', status);
        const target = resolve(at);
        const response = get(target);
        const site = siteOf(status, isObject(response) ? response.content : undefined);
        if (/^2..$/.test(status) && site.chosenMedia !== undefined) {
          // Inline object schemas of several 2xx responses share the name {Operation}Response: the
          // generator numbers them in document order (…Response, …Response2), so the test needs the rank.
          const schema = response.content[site.chosenMedia].schema;
          if (isObject(schema) && typeof schema.$ref !== 'string' && (isObject(schema.properties) || Array.isArray(schema.allOf)) && !schema.oneOf && !schema.anyOf) {
            site.successRank = inlineSuccesses++;
          }
        }
        if (target !== at) {
          note(responseUses, target, site);
        } else if (isObject(response)) {
          walkHeaders(response.headers, join(at, 'headers'));
          walkContent(response.content, join(at, 'content'), { kind: 'response', sites: [site] });
        }
      }
    }
    if (isObject(op.callbacks)) {
      for (const name of Object.keys(op.callbacks)) {
        const callback = op.callbacks[name];
        if (isObject(callback) && typeof callback.$ref !== 'string') {
          for (const expression of Object.keys(callback)) {
            collectPathItem(callback[expression], join(opPointer, 'callbacks', name, expression), expression, false);
          }
        }
      }
    }
  }

  if (isObject(doc.paths)) {
    for (const p of Object.keys(doc.paths)) {
      collectPathItem(doc.paths[p], join('#/paths', p), p, true);
    }
  }
  if (isObject(doc.webhooks)) {
    for (const name of Object.keys(doc.webhooks)) {
      collectPathItem(doc.webhooks[name], join('#/webhooks', name), name, false);
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  for (const section of ['callbacks', 'pathItems']) {
    if (isObject(components[section])) {
      for (const name of Object.keys(components[section])) {
        const value = components[section][name];
        if (section === 'pathItems') {
          collectPathItem(value, join('#/components', section, name), name, false);
        } else if (isObject(value)) {
          for (const expression of Object.keys(value)) {
            collectPathItem(value[expression], join('#/components/callbacks', name, expression), expression, false);
          }
        }
      }
    }
  }
  // Callbacks found inside operations add operations while we go.
  for (let i = 0; i < operations.length; i++) {
    walkOperation(operations[i]);
  }

  if (isObject(components.schemas)) {
    for (const name of Object.keys(components.schemas)) {
      walkSchema(components.schemas[name], join('#/components/schemas', name), { kind: 'schema', component: name }, new Set());
    }
  }
  if (isObject(components.parameters)) {
    for (const name of Object.keys(components.parameters)) {
      walkParameterOrHeader(components.parameters[name], join('#/components/parameters', name), 'parameter');
    }
  }
  walkHeaders(components.headers, '#/components/headers');
  if (isObject(components.requestBodies)) {
    for (const name of Object.keys(components.requestBodies)) {
      const pointer = join('#/components/requestBodies', name);
      const body = components.requestBodies[name];
      if (isObject(body) && typeof body.$ref !== 'string') {
        walkContent(body.content, join(pointer, 'content'), { kind: 'request', sites: bodyUses.get(pointer) || [] });
      }
    }
  }
  if (isObject(components.responses)) {
    for (const name of Object.keys(components.responses)) {
      const pointer = join('#/components/responses', name);
      const response = components.responses[name];
      if (isObject(response) && typeof response.$ref !== 'string') {
        walkHeaders(response.headers, join(pointer, 'headers'));
        walkContent(response.content, join(pointer, 'content'), { kind: 'response', sites: responseUses.get(pointer) || [] });
      }
    }
  }

  // ---- ajv ----------------------------------------------------------------------------------------
  const options = { strict: false, allErrors: true, validateSchema: false, logger: false, unicodeRegExp: false, validateFormats: true };
  const ajv = is31 ? new Ajv2020(options) : new Ajv07(options);
  addFormats(ajv, STANDARD_FORMATS);
  // 3.1 has no `nullable` (a 3.0 leftover is an unknown keyword there); ajv would give it its 3.0 meaning.
  const schemaDoc = withoutIdentifiers(is31 ? withoutNullable(plain(doc)) : toDraft07(plain(doc)));
  delete schemaDoc.$schema;
  let documentError;
  try {
    ajv.addSchema(schemaDoc, DOC_ID);
  } catch (e) {
    // Every example is then reported as not judged, with this reason (the test counts them).
    documentError = 'ajv could not read the document: ' + String(e && e.message ? e.message : e);
  }
  const compiled = new Map();
  const validatorFor = (pointer) => {
    if (documentError) {
      return { error: documentError };
    }
    if (!compiled.has(pointer)) {
      try {
        compiled.set(pointer, { validate: ajv.compile({ $ref: DOC_ID + pointer }) });
      } catch (e) {
        compiled.set(pointer, { error: String(e && e.message ? e.message : e) });
      }
    }
    return compiled.get(pointer);
  };

  const out = [];
  const spec = path.basename(file);
  for (const record of records) {
    record.spec = spec;
    if (record.schema !== undefined) {
      record.resolved = resolve(record.schema);
      const resolvedNode = get(record.resolved);
      if (isObject(resolvedNode) && isObject(resolvedNode.items)) {
        record.itemsResolved = resolve(join(record.resolved, 'items'));
      }
      const users = refUsers.get(record.resolved);
      if (users && record.resolved.startsWith('#/components/schemas/')) {
        record.users = users;
      }
      if ('value' in record) {
        const v = validatorFor(record.schema);
        if (v.error) {
          record.valid = null;
          record.errors = [{ message: documentError || 'ajv could not compile the schema: ' + v.error }];
        } else {
          record.valid = v.validate(plain(record.value)) === true;
          const seen = new Set();
          record.errors = record.valid ? [] : v.validate.errors.map((e) => ({
            instancePath: e.instancePath, schemaPath: e.schemaPath.replace(DOC_ID, ''), keyword: e.keyword, message: e.message, params: e.params,
          })).filter((e) => {
            const key = JSON.stringify(e);
            return !seen.has(key) && seen.add(key);
          });
        }
      }
    }
    out.push(stringify(record));
  }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
}

// The 3.0 → draft-07 transform described at the top. It runs on a copy of the whole document: every
// mapping with these keys is a Schema or Reference Object (example values are annotations to ajv).
function toDraft07(node) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      node[i] = toDraft07(node[i]);
    }
    return node;
  }
  if (!isObject(node)) {
    return node;
  }
  if (typeof node.$ref === 'string') {
    return { $ref: node.$ref };
  }
  for (const key of Object.keys(node)) {
    node[key] = toDraft07(node[key]);
  }
  if (node.nullable === true && (typeof node.type === 'string' || Array.isArray(node.type))) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (!types.includes('null')) {
      node.type = types.concat(['null']);
    }
    if (Array.isArray(node.enum) && !node.enum.includes(null)) {
      node.enum = node.enum.concat([null]);
    }
  }
  delete node.nullable; // done above, or meaningless (ajv's own `nullable` keyword would reject it without a type)
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
    if (node[flag] === true && typeof node[bound] === 'number') {
      node[flag] = node[bound];
      delete node[bound];
    } else if (typeof node[flag] === 'boolean') {
      delete node[flag];
    }
  }
  return node;
}

// A deep copy with BigInt integers turned into numbers (what ajv validates).
function plain(node) {
  if (typeof node === 'bigint') {
    return Number(node);
  }
  if (Array.isArray(node)) {
    return node.map(plain);
  }
  if (isObject(node)) {
    const copy = {};
    for (const key of Object.keys(node)) {
      copy[key] = plain(node[key]);
    }
    return copy;
  }
  return node;
}

// JSON.stringify, with BigInt integers written as their digits.
function stringify(value) {
  const marker = '\u0000bigint:';
  return JSON.stringify(value, (key, v) => (typeof v === 'bigint' ? marker + v.toString() : v))
    .replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

// The copy ajv is given, without `$id`, `$anchor` and `$dynamicAnchor` (string values only: a property
// named `$id` is a schema, and stays). The generator reads every `$ref` as a JSON Pointer into this
// document and gives these keywords no meaning (generator/README.md, "resolve"), so the judge must
// resolve references the same way; kept, they would change what ajv checks in two ways:
//   - a `$ref` under a schema with an `$id` would resolve against that `$id`, not against the document;
//   - ajv collects identifiers from every object of what it is given, example values included (it walks
//     unknown keywords), and rejects the whole document when two different objects share one ("reference
//     ... resolves to more than one schema"), an error that no ajv option relaxes. Example data with an
//     `$id` member (JSON-LD-like or JSON Schema-like payloads) or two schemas copied with one `$id` did that.
// The values of `enum`, `const` and `default` are left alone: ajv compares them as data and does not
// look inside (in a map of schemas by name, such as `properties`, these are names, and are walked).
function withoutIdentifiers(node, namesSchemas = false) {
  if (Array.isArray(node)) {
    node.forEach((item) => withoutIdentifiers(item));
  } else if (isObject(node)) {
    if (!namesSchemas) {
      for (const key of ['$id', '$anchor', '$dynamicAnchor']) {
        if (typeof node[key] === 'string') {
          delete node[key];
        }
      }
    }
    for (const key of Object.keys(node)) {
      if (namesSchemas || !['enum', 'const', 'default'].includes(key)) {
        withoutIdentifiers(node[key], !namesSchemas && SCHEMA_MAP.includes(key));
      }
    }
  }
  return node;
}

function withoutNullable(node) {
  if (Array.isArray(node)) {
    node.forEach(withoutNullable);
  } else if (isObject(node)) {
    if (typeof node.nullable === 'boolean') {
      delete node.nullable;
    }
    Object.values(node).forEach(withoutNullable);
  }
  return node;
}

main();
