using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using M6Search.Stores.Tests.Qdrant.Fakes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace M6Search.Stores.Tests.Qdrant.Contract;

/// <summary>
/// Qdrant 1.19's published OpenAPI document (qdrant-openapi-1.19.json) as a request and response validator.
/// <para>
/// The OpenAPI 3.0 component schemas become one JSON Schema document: <c>#/components/schemas/X</c> references point to
/// <c>definitions/X</c>; <c>nullable: true</c> becomes a <c>"null"</c> type (a bare <c>{"nullable": true}</c> branch of an
/// <c>anyOf</c> becomes <c>{"type": "null"}</c>, which is what Qdrant's generator means by it); and every object schema that
/// names its properties without saying anything about others is closed (<c>additionalProperties: false</c>), so a
/// misspelled or invented field fails validation instead of passing unnoticed.
/// </para>
/// </summary>
public sealed class QdrantOpenApi
{
    private const string ComponentPrefix = "#/components/schemas/";
    private const string ResponsePrefix = "__response__";
    private const string ParameterPrefix = "__parameter__";

    private static readonly Lazy<Task<QdrantOpenApi>> Shared = new(LoadAsync);

    private readonly JsonObject _paths;
    private readonly JsonSchema _root;

    private QdrantOpenApi(JsonObject paths, JsonSchema root)
    {
        _paths = paths;
        _root = root;
    }

    public static Task<QdrantOpenApi> GetAsync() => Shared.Value;

    /// <summary>The path template and operation that a request's method and path select, or an error.</summary>
    public (string Template, JsonObject Operation)? FindOperation(string method, string path, out string? error)
    {
        string[] segments = path.Trim('/').Split('/');
        (string Template, int Literals)? best = null;
        foreach ((string template, JsonNode? _) in _paths)
        {
            string[] parts = template.Trim('/').Split('/');
            if (parts.Length != segments.Length)
            {
                continue;
            }

            int literals = 0;
            bool matches = true;
            for (int i = 0; i < parts.Length && matches; i++)
            {
                if (parts[i].StartsWith('{') && parts[i].EndsWith('}'))
                {
                    matches = segments[i].Length > 0;
                }
                else
                {
                    matches = parts[i] == segments[i];
                    literals++;
                }
            }

            if (matches && (best is null || literals > best.Value.Literals))
            {
                best = (template, literals);
            }
        }

        if (best is null)
        {
            error = $"no path of the spec matches {path}";
            return null;
        }

        if (_paths[best.Value.Template]![method.ToLowerInvariant()] is not JsonObject operation)
        {
            error = $"{best.Value.Template} has no {method} operation";
            return null;
        }

        error = null;
        return (best.Value.Template, operation);
    }

    /// <summary>Every way the request departs from the spec: unknown path or method, unknown or bad query parameter, body against the request schema.</summary>
    public IReadOnlyList<string> ValidateRequest(RecordedRequest request)
    {
        var errors = new List<string>();
        string method = request.Method.Method;
        (string Template, JsonObject Operation)? found = FindOperation(method, request.Path, out string? error);
        if (found is not { } match)
        {
            errors.Add(error!);
            return errors;
        }

        var parameters = (match.Operation["parameters"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(parameter => (string?)parameter["in"] == "query")
            .ToDictionary(parameter => (string)parameter["name"]!, parameter => parameter["schema"]!);
        foreach ((string name, string value) in ParseQuery(request.Uri.Query))
        {
            if (!parameters.TryGetValue(name, out JsonNode? schema))
            {
                errors.Add($"{method} {match.Template} has no query parameter '{name}'");
                continue;
            }

            string json = ParameterAsJson(value, schema).ToJsonString();
            errors.AddRange(ValidateAgainst(ParameterDefinition(method, match.Template, name), json).Select(e => $"query parameter '{name}={value}': {e}"));
        }

        string? schemaRef = (string?)match.Operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"];
        if (schemaRef is null)
        {
            if (!string.IsNullOrEmpty(request.Body))
            {
                errors.Add($"{method} {match.Template} takes no body, but one was sent");
            }
        }
        else if (string.IsNullOrEmpty(request.Body))
        {
            errors.Add($"{method} {match.Template} needs a {schemaRef} body, but none was sent");
        }
        else
        {
            errors.AddRange(ValidateAgainst(DefinitionName(schemaRef), request.Body));
        }

        return errors;
    }

    /// <summary>The request schema's component name for a method and path template, for example "QueryRequest".</summary>
    public string RequestSchemaName(string method, string template)
    {
        string reference = (string)_paths[template]![method.ToLowerInvariant()]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
        return DefinitionName(reference);
    }

    /// <summary>Errors of a reply body against the response schema the spec gives for that status ("4XX" and "default" as fallbacks).</summary>
    public IReadOnlyList<string> ValidateResponse(string method, string template, int status, string json)
    {
        string name = ResponseDefinition(method, template, status.ToString(CultureInfo.InvariantCulture));
        if (!_root.Definitions.ContainsKey(name))
        {
            name = ResponseDefinition(method, template, status is >= 400 and < 500 ? "4XX" : "default");
        }

        return _root.Definitions.ContainsKey(name)
            ? ValidateAgainst(name, json)
            : [$"the spec has no response schema for {method} {template} {status}"];
    }

    /// <summary>Errors of a JSON text against a component schema, for example "PointInsertOperations".</summary>
    public IReadOnlyList<string> ValidateAgainst(string definition, string json)
    {
        if (!_root.Definitions.TryGetValue(definition, out JsonSchema? schema))
        {
            return [$"the spec has no schema '{definition}'"];
        }

        ICollection<ValidationError> errors = schema.Validate(json, new JsonSchemaValidatorSettings());
        return errors.Select(e => $"{definition}: {Describe(e)}").ToArray();
    }

    private static JsonNode ParameterAsJson(string value, JsonNode schema)
    {
        string? type = (string?)schema["type"];
        if (type is "boolean" or "integer" or "number")
        {
            try
            {
                return JsonNode.Parse(value) ?? JsonValue.Create(value);
            }
            catch (JsonException)
            {
                return JsonValue.Create(value);
            }
        }

        return JsonValue.Create(value);
    }

    private static IEnumerable<(string Name, string Value)> ParseQuery(string query) => query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty));

    private static string Describe(ValidationError error)
    {
        string text = $"{error.Kind} at '{error.Path}'";
        if (error is ChildSchemaValidationError child)
        {
            // anyOf/oneOf: the reasons of each branch, so a failing test says what was wrong.
            text += " [" + string.Join(" | ", child.Errors.Select(branch => string.Join(", ", branch.Value.Select(Describe)))) + "]";
        }

        return text;
    }

    private static string DefinitionName(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? reference[ComponentPrefix.Length..]
            : throw new InvalidOperationException($"Unexpected reference {reference}.");

    private static string ResponseDefinition(string method, string template, string status) =>
        $"{ResponsePrefix}{method.ToLowerInvariant()} {template} {status}";

    private static string ParameterDefinition(string method, string template, string name) =>
        $"{ParameterPrefix}{method.ToLowerInvariant()} {template} {name}";

    private static async Task<QdrantOpenApi> LoadAsync()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Qdrant", "Contract", "qdrant-openapi-1.19.json");
        JsonObject spec = JsonNode.Parse(await File.ReadAllTextAsync(path).ConfigureAwait(false))!.AsObject();
        var definitions = new JsonObject();
        foreach ((string name, JsonNode? schema) in spec["components"]!["schemas"]!.AsObject())
        {
            JsonNode copy = schema!.DeepClone();
            ConvertSchema(copy);
            definitions[name] = copy;
        }

        JsonObject paths = spec["paths"]!.AsObject();
        foreach ((string template, JsonNode? item) in paths)
        {
            foreach ((string method, JsonNode? operation) in item!.AsObject())
            {
                foreach (JsonObject parameter in (operation?["parameters"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if ((string?)parameter["in"] == "query" && parameter["schema"] is JsonNode parameterSchema)
                    {
                        JsonNode copy = parameterSchema.DeepClone();
                        ConvertSchema(copy);
                        definitions[ParameterDefinition(method, template, (string)parameter["name"]!)] = copy;
                    }
                }

                if (operation?["responses"] is not JsonObject responses)
                {
                    continue;
                }

                foreach ((string status, JsonNode? response) in responses)
                {
                    if (response?["content"]?["application/json"]?["schema"] is JsonNode schema)
                    {
                        JsonNode copy = schema.DeepClone();
                        ConvertSchema(copy);
                        definitions[ResponseDefinition(method, template, status)] = copy;
                    }
                }
            }
        }

        var document = new JsonObject { ["definitions"] = definitions };
        JsonSchema root = await JsonSchema.FromJsonAsync(document.ToJsonString()).ConfigureAwait(false);
        return new QdrantOpenApi(paths, root);
    }

    /// <summary>Rewrites one OpenAPI 3.0 schema (in place, recursively through its subschemas) into JSON Schema.</summary>
    private static void ConvertSchema(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference && reference.TryGetValue(out string? target) && target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            schema["$ref"] = "#/definitions/" + target[ComponentPrefix.Length..];
        }

        if (schema["nullable"] is JsonValue nullable && nullable.TryGetValue(out bool isNullable))
        {
            schema.Remove("nullable");
            if (isNullable)
            {
                if (schema["type"] is JsonValue type && type.TryGetValue(out string? typeName))
                {
                    schema["type"] = new JsonArray(typeName, "null");
                }
                else if (!schema.ContainsKey("$ref") && !schema.ContainsKey("anyOf") && !schema.ContainsKey("oneOf") && !schema.ContainsKey("allOf"))
                {
                    schema["type"] = "null";
                }
                else
                {
                    throw new InvalidOperationException($"A nullable schema of a shape this converter does not handle: {schema.ToJsonString()}");
                }
            }
        }

        // Documentation values are not schemas; some are invalid against their own schema, and none constrain anything.
        schema.Remove("example");
        schema.Remove("default");

        if (schema["properties"] is JsonObject properties)
        {
            foreach ((string _, JsonNode? property) in properties)
            {
                ConvertSchema(property!);
            }

            if (!schema.ContainsKey("additionalProperties"))
            {
                schema["additionalProperties"] = false;
            }
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            ConvertSchema(additional);
        }

        if (schema["items"] is JsonObject items)
        {
            ConvertSchema(items);
        }

        foreach (string keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[keyword] is JsonArray branches)
            {
                foreach (JsonNode? branch in branches)
                {
                    ConvertSchema(branch!);
                }
            }
        }
    }
}
