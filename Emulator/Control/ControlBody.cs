using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// Reads a request's JSON body into a request record: at most <see cref="MaxBytes"/> (413 beyond), JSON
/// content types only (415), one JSON object (400), only the record's properties, each once, each of the
/// right kind (400 naming the property).
/// </summary>
internal static class ControlBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body, or null and no error when there is none and none is <paramref name="required"/>; else the error to answer.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, bool required)
        where T : class
    {
        var request = context.Request;
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (!canHaveBody || request.ContentLength == 0)
        {
            return required ? (null, ControlResults.BadRequest("a JSON body is required")) : (null, null);
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (!request.HasJsonContentType())
        {
            var given = request.ContentType is { } contentType ? ControlResults.Quote(contentType) : "none";
            return (null, ControlResults.Error(StatusCodes.Status415UnsupportedMediaType, $"the body must be Content-Type: application/json (given: {given})"));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), context.RequestAborted)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                return (null, TooLarge());
            }

            if (length == 0)
            {
                return required ? (null, ControlResults.BadRequest("a JSON body is required")) : (null, null);
            }

            return Parse(buffer.AsMemory(0, length), type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge() =>
        ControlResults.Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBytes} bytes");

    private static (T? Value, IResult? Error) Parse<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return (null, ControlResults.BadRequest($"the body is not valid JSON: {e.Message}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ControlResults.BadRequest("the body must be a JSON object"));
            }

            var known = type.Properties.Select(p => p.Name).ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    var expected = known.Count == 0 ? "this endpoint takes none" : "expected one of: " + string.Join(", ", known);
                    return (null, ControlResults.BadRequest($"unknown property {ControlResults.Quote(property.Name)}; {expected}"));
                }

                if (!seen.Add(property.Name))
                {
                    return (null, ControlResults.BadRequest($"{property.Name}: given more than once"));
                }
            }

            try
            {
                return root.Deserialize(type) is { } value ? (value, null) : (null, ControlResults.BadRequest("the body must be a JSON object"));
            }
            catch (JsonException e)
            {
                return (null, ControlResults.BadRequest(WrongKind(root, type, e)));
            }
        }
    }

    /// <summary>Names the property a <see cref="JsonException"/> is about (its path is <c>$.name</c>) and what it should have been.</summary>
    private static string WrongKind<T>(JsonElement root, JsonTypeInfo<T> type, JsonException e)
    {
        var path = e.Path ?? string.Empty;
        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('.', '[')[0] : string.Empty;
        var property = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        if (property is null || !root.TryGetProperty(name, out var value))
        {
            return $"the body does not fit: {e.Message}";
        }

        var expected = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var kind = expected == typeof(long) || expected == typeof(int) ? "a whole number"
            : expected == typeof(bool) ? "true or false"
            : expected == typeof(string) ? "a string"
            : expected == typeof(JsonElement) ? "a string or a number"
            : "a value of another kind";
        return $"{name}: {ControlResults.Quote(value.GetRawText())} is not {kind}";
    }
}
