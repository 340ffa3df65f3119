using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace VirtualFirewall.Emulator.Control;

/// <summary>The responses every endpoint builds: JSON bodies through the generated context, errors as <see cref="ControlError"/>.</summary>
internal static class ControlResults
{
    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        Results.Json(value, type, statusCode: status);

    public static IResult Error(int status, string message) =>
        Results.Json(new ControlError(message), ControlJsonContext.Api.ControlError, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static IResult UnknownDevice(string name) => Error(StatusCodes.Status404NotFound, $"no device named {Quote(name)}");

    /// <summary>An instant as ISO 8601 in UTC, without a fraction when it has none: <c>2026-11-27T19:00:00Z</c>.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>User text in a message: quoted, cut short, control characters made visible.</summary>
    public static string Quote(string text)
    {
        const int Longest = 60;
        var shown = text.Length > Longest ? string.Concat(text.AsSpan(0, Longest), "...") : text;
        var visible = string.Concat(shown.Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString()));
        return "`" + visible + "`";
    }
}
